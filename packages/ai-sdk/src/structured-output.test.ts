import { generateObject, generateText, Output, streamObject, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createQwen } from "./index.js";
import { ENDPOINT_PER_FAMILY, settingsFor } from "./test-utils/endpoints.js";
import { lastBody, useDashscopeMock } from "./test-utils/mock.js";

const mock = useDashscopeMock();

const Trip = z.object({
  city: z.string(),
  days: z.number().int(),
  sights: z.array(z.object({ name: z.string(), free: z.boolean() })),
  season: z.enum(["spring", "summer", "autumn", "winter"]),
});

describe.each(ENDPOINT_PER_FAMILY.map((endpoint) => ({ family: endpoint.family, endpoint })))(
  "on a $family host",
  ({ endpoint }) => {
    // qwen3.5-plus thinks by default: JSON mode must turn that off, or DashScope answers 400.
    const qwen = createQwen(settingsFor(endpoint));

    it("generateText with Output.object gets an object valid against the schema, in JSON Schema mode", async () => {
      const { output, finishReason } = await generateText({
        model: qwen(),
        output: Output.object({ schema: Trip }),
        prompt: "Plan a trip to Hangzhou.",
        maxRetries: 0,
      });
      expect(Trip.safeParse(output).success).toBe(true);
      expect(finishReason).toBe("stop");
      expect(lastBody(mock)).toMatchObject({
        enable_thinking: false,
        response_format: { type: "json_schema", json_schema: { name: "response", strict: true } },
      });
    });

    it("streamText with Output.object streams partial objects and ends with a valid one", async () => {
      const result = streamText({
        model: qwen(),
        output: Output.object({ schema: Trip }),
        prompt: "Plan a trip to Hangzhou.",
        maxRetries: 0,
      });
      const partials = [];
      for await (const partial of result.partialOutputStream) partials.push(partial);
      const output = await result.output;
      expect(partials.length).toBeGreaterThan(1);
      expect(Trip.safeParse(output).success).toBe(true);
      expect(partials.at(-1)).toEqual(output);
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
    });
  },
);

describe("structured output", () => {
  const endpoint = ENDPOINT_PER_FAMILY[0];
  if (endpoint === undefined) throw new Error("no endpoint");
  const qwen = createQwen(settingsFor(endpoint));

  it("generateObject and streamObject work the same way", async () => {
    const generated = await generateObject({
      model: qwen(),
      schema: Trip,
      schemaName: "trip",
      prompt: "Plan a trip.",
      maxRetries: 0,
    });
    expect(Trip.safeParse(generated.object).success).toBe(true);
    expect(lastBody(mock)).toMatchObject({ response_format: { json_schema: { name: "trip" } } });
    const streamed = streamObject({ model: qwen(), schema: Trip, prompt: "Plan a trip.", maxRetries: 0 });
    // streamObject settles its promises only as its stream is read.
    let partials = 0;
    for await (const _ of streamed.partialObjectStream) partials += 1;
    expect(partials).toBeGreaterThan(1);
    expect(Trip.safeParse(await streamed.object).success).toBe(true);
  });

  it("JSON Object mode (structuredOutputs: false) gets JSON for Output.json", async () => {
    const { output } = await generateText({
      model: qwen(),
      output: Output.json(),
      prompt: "Describe Hangzhou.",
      providerOptions: { qwen: { structuredOutputs: false } },
      maxRetries: 0,
    });
    expect(typeof output).toBe("object");
    expect(lastBody(mock)).toMatchObject({
      response_format: { type: "json_object" },
      enable_thinking: false,
    });
  });

  it("asking for thinking with JSON output still gets the object, and a warning that thinking was turned off", async () => {
    const result = await generateText({
      model: qwen(),
      output: Output.object({ schema: Trip }),
      prompt: "Plan a trip to Hangzhou.",
      providerOptions: { qwen: { enableThinking: true } },
      maxRetries: 0,
    });
    expect(Trip.safeParse(result.output).success).toBe(true);
    expect(result.warnings).toEqual([
      { type: "other", message: expect.stringMatching(/^qwen thinking-disabled-for-json-mode: /) },
    ]);
  });
});
