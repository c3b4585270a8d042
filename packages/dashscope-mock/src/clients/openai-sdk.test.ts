import OpenAI from "openai";
import { zodFunction, zodResponseFormat } from "openai/helpers/zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PAY_AS_YOU_GO_MODELS } from "../models/pay-as-you-go.js";
import { setupDashscopeMock } from "../setup.js";
import { HOSTS, testHost } from "../test-utils/hosts.js";

// The openai SDK's helpers (parse, runTools, stream, models.list) against the in-process mock.
const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const client = (host: (typeof HOSTS)[number], maxRetries = 0) =>
  new OpenAI({ apiKey: host.key, baseURL: host.baseUrl, maxRetries });

const Forecast = z.object({
  city: z.string(),
  unit: z.enum(["celsius", "fahrenheit"]),
  days: z.array(z.object({ high: z.number().int(), summary: z.string().nullable() })),
});

describe("the openai SDK's helpers", () => {
  it.each(HOSTS)("chat.completions.parse() with zodResponseFormat on $host", async (host) => {
    const completion = await client(host).chat.completions.parse({
      model: host.model,
      messages: [{ role: "user", content: "Forecast for Paris" }],
      response_format: zodResponseFormat(Forecast, "forecast"),
    });
    const parsed = completion.choices[0]?.message.parsed;
    expect(Forecast.parse(parsed)).toEqual({ city: "", unit: "celsius", days: [] });
    expect(mock.recorder.last()?.body).toMatchObject({ response_format: { type: "json_schema" } });
  });

  it("stream() with a response format: chunks concatenate to the JSON, parsed at the end", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const stream = client(host).chat.completions.stream({
      model: "qwen-plus",
      messages: [{ role: "user", content: "Forecast" }],
      response_format: zodResponseFormat(Forecast, "forecast"),
      stream_options: { include_usage: true },
    });
    let text = "";
    stream.on("content", (delta) => {
      text += delta;
    });
    const final = await stream.finalChatCompletion();
    expect(JSON.parse(text)).toEqual(final.choices[0]?.message.parsed);
    expect(final.usage?.completion_tokens).toBeGreaterThan(1);
  });

  it("runTools() calls the tool the prompt names, then gets a text answer", async () => {
    const host = testHost("dashscope.aliyuncs.com");
    const seen: unknown[] = [];
    const runner = client(host).chat.completions.runTools({
      model: "qwen-plus",
      messages: [{ role: "user", content: "Use get_weather for Paris" }],
      tools: [
        zodFunction({
          name: "get_weather",
          parameters: z.object({ city: z.string() }),
          function: (args) => {
            seen.push(args);
            return { temperature: 21 };
          },
        }),
      ],
    });
    const answer = await runner.finalContent();
    expect(seen).toEqual([{ city: expect.any(String) }]);
    expect(answer).toMatch(/\w+\.$/);
    expect(mock.recorder.requests).toHaveLength(2);
  });

  it("models.list() pages through the Pay-as-you-go models", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const ids: string[] = [];
    for await (const model of client(host).models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining([...PAY_AS_YOU_GO_MODELS.models]));
  });

  it("retries past a first-request fault (times=1) and succeeds", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const openai = new OpenAI({
      apiKey: host.key,
      baseURL: host.baseUrl,
      maxRetries: 2,
      defaultHeaders: { "x-mock-fault": "error;error=rate-limit;retryAfterSeconds=0;times=1" },
    });
    const completion = await openai.chat.completions.create({
      model: "qwen-plus",
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(mock.recorder.requests).toHaveLength(2);
  });
});
