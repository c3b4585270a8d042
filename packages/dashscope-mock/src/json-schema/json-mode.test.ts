import { describe, expect, it } from "vitest";
import { createDashscopeMockHandler } from "../mock-handler.js";
import { chatRequest, testHost } from "../test-utils/hosts.js";
import { jsonFrames, readSse } from "../test-utils/sse.js";
import { schemaInstance } from "./instance.js";

const HOST = testHost("dashscope-intl.aliyuncs.com");
const WEATHER = {
  type: "object",
  properties: {
    city: { type: "string" },
    unit: { enum: ["celsius", "fahrenheit"] },
    days: {
      type: "array",
      items: { type: "object", properties: { high: { type: "integer", minimum: -90 } }, required: ["high"] },
      minItems: 2,
    },
    note: { type: "string" },
  },
  required: ["city", "unit", "days"],
  additionalProperties: false,
};
const schemaFormat = { type: "json_schema", json_schema: { name: "weather", strict: true, schema: WEATHER } };

async function ask(body: Record<string, unknown>) {
  const mock = createDashscopeMockHandler();
  const request = { model: "qwen-plus", messages: [{ role: "user", content: "Weather in Paris?" }], ...body };
  return mock.handle(chatRequest(HOST.baseUrl, request, { key: HOST.key }));
}

type Completion = {
  choices: { message: { content: string }; finish_reason: string }[];
  usage: { completion_tokens: number };
};

describe("JSON mode", () => {
  it("answers json_object with a JSON object", async () => {
    const response = await ask({ response_format: { type: "json_object" } });
    const content = ((await response.json()) as Completion).choices[0]?.message.content ?? "";
    const value = JSON.parse(content) as unknown;
    expect(value).toEqual({ reply: expect.stringMatching(/\.$/) });
  });

  it("answers json_schema with the smallest instance of the schema", async () => {
    const response = await ask({ response_format: schemaFormat });
    const body = (await response.json()) as Completion;
    const content = body.choices[0]?.message.content ?? "";
    expect(JSON.parse(content)).toEqual({ city: "", unit: "celsius", days: [{ high: 0 }, { high: 0 }] });
    expect(JSON.parse(content)).toEqual(schemaInstance(WEATHER, { kind: "smallest" }));
    expect(body.choices[0]?.finish_reason).toBe("stop");
  });

  it("streams the JSON in one-token pieces that concatenate to it", async () => {
    const streamed = await ask({
      response_format: schemaFormat,
      stream: true,
      stream_options: { include_usage: true },
    });
    const frames = jsonFrames(await readSse(streamed)) as {
      choices: { delta: { content?: string }; finish_reason: string | null }[];
      usage: { completion_tokens: number } | null;
    }[];
    const pieces = frames.flatMap((frame) =>
      frame.choices[0]?.delta.content ? [frame.choices[0].delta.content] : [],
    );
    const plain = (await (await ask({ response_format: schemaFormat })).json()) as Completion;
    expect(pieces.join("")).toBe(plain.choices[0]?.message.content);
    expect(pieces.every((piece) => piece.length <= 4)).toBe(true);
    expect(frames.at(-1)?.usage?.completion_tokens).toBe(pieces.length);
  });

  it("cuts the JSON at max_tokens and finishes with length, as a model would", async () => {
    const body = (await (await ask({ response_format: schemaFormat, max_tokens: 3 })).json()) as Completion;
    expect(body.choices[0]?.finish_reason).toBe("length");
    expect(body.choices[0]?.message.content).toHaveLength(12);
    expect(() => JSON.parse(body.choices[0]?.message.content ?? "")).toThrow();
  });

  it("calls a named tool instead, when the request forces one", async () => {
    const tools = [
      { type: "function", function: { name: "lookup", parameters: { type: "object", properties: {} } } },
    ];
    const body = (await (
      await ask({ response_format: { type: "json_object" }, tools, tool_choice: "required" })
    ).json()) as { choices: { finish_reason: string }[] };
    expect(body.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it.each([
    ["qwen3.5-plus", { type: "json_object" }],
    ["qwen3.5-plus", schemaFormat],
    // Not in the catalog, so the mock does not know it thinks: the explicit switch is enough.
    ["qwen-plus", { type: "json_object" }],
    ["qwen-plus", schemaFormat],
  ])("stays a 400 with thinking on: %s %j", async (model, format) => {
    const response = await ask({
      model,
      stream: true,
      enable_thinking: true,
      response_format: format,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "Json mode response is not supported when enable_thinking is true",
    );
  });

  it.each<[unknown, string]>([
    ["json", `"json" is not of type 'object' - 'response_format'`],
    [
      { type: "yaml" },
      `"yaml" is not one of ['text', 'json_object', 'json_schema'] - 'response_format.type'`,
    ],
    [{ type: "json_schema" }, "'json_schema' is a required property - 'response_format'"],
    [
      { type: "json_schema", json_schema: { schema: {} } },
      "'name' is a required property - 'response_format.json_schema'",
    ],
  ])("rejects response_format %j", async (format, message) => {
    const response = await ask({ response_format: format });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  it("treats text and null as plain replies", async () => {
    for (const format of [{ type: "text" }, null]) {
      const body = (await (await ask({ response_format: format })).json()) as Completion;
      expect(body.choices[0]?.message.content).toMatch(/^[\w ,]+\.$/);
    }
  });
});

describe("a schema whose instance cannot be built", () => {
  const huge = [
    ["minItems 1e9", { type: "array", minItems: 1_000_000_000, items: { type: "string" } }],
    ["minLength 1e9", { type: "string", minLength: 1_000_000_000 }],
    [
      "arrays of 100,000 arrays of 100,000",
      { type: "array", minItems: 100_000, items: { type: "array", minItems: 100_000 } },
    ],
  ] as const;

  it.each(huge)(
    "response_format with %s: a 400 naming the limit, and the mock keeps answering",
    async (_label, schema) => {
      const mock = createDashscopeMockHandler();
      const send = (body: Record<string, unknown>) =>
        mock.handle(
          chatRequest(
            HOST.baseUrl,
            { model: "qwen-plus", messages: [{ role: "user", content: "Hi" }], ...body },
            {
              key: HOST.key,
            },
          ),
        );
      const response = await send({
        response_format: { type: "json_schema", json_schema: { name: "big", schema } },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "mock_schema_too_large", type: "invalid_request_error" },
      });
      expect((await send({})).status).toBe(200);
    },
  );

  it.each(huge)("a forced tool whose parameters hold %s: the same 400", async (_label, schema) => {
    const response = await ask({
      tools: [
        {
          type: "function",
          function: { name: "f", parameters: { type: "object", properties: { a: schema } } },
        },
      ],
      tool_choice: "required",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "mock_schema_too_large" } });
  });

  it("an instance of 100,000 items is still built", () => {
    const value = schemaInstance(
      { type: "array", minItems: 100_000, items: { type: "integer" } },
      { kind: "smallest" },
    );
    expect(value).toHaveLength(100_000);
  });
});
