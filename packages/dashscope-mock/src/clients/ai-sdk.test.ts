import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateObject, generateText, Output, stepCountIs, streamText, tool } from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setupDashscopeMock } from "../setup.js";
import { HOSTS, testHost } from "../test-utils/hosts.js";

// The AI SDK's OpenAI-compatible provider, a client nobody on the project wrote, against the mock.
const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const provider = (host: (typeof HOSTS)[number], headers: Record<string, string> = {}) =>
  createOpenAICompatible({
    name: "dashscope",
    apiKey: host.key,
    baseURL: host.baseUrl,
    headers,
    includeUsage: true,
    // DashScope takes response_format json_schema: let the SDK send the schema.
    supportsStructuredOutputs: true,
  });

const Recipe = z.object({
  title: z.string(),
  servings: z.number().int().positive(),
  steps: z.array(z.object({ text: z.string(), minutes: z.number().nonnegative() })).min(2),
  difficulty: z.enum(["easy", "hard"]),
});

describe("the AI SDK with @ai-sdk/openai-compatible", () => {
  it.each(HOSTS)("generateText and streamText with usage on $host", async (host) => {
    const model = provider(host).chatModel(host.model);
    const generated = await generateText({ model, prompt: "Hi", maxRetries: 0 });
    expect(generated.text).toMatch(/\w+\.$/);
    expect(generated.usage.inputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model, prompt: "Hi", maxRetries: 0 });
    let text = "";
    for await (const delta of streamed.textStream) text += delta;
    expect(text).toBe(await streamed.text);
    expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
  });

  it.each(HOSTS)("generateObject returns a schema-valid object on $host", async (host) => {
    const { object } = await generateObject({
      model: provider(host).chatModel(host.model),
      schema: Recipe,
      prompt: "A recipe",
      maxRetries: 0,
    });
    expect(Recipe.parse(object)).toEqual({
      title: "",
      servings: 1,
      steps: [
        { text: "", minutes: 0 },
        { text: "", minutes: 0 },
      ],
      difficulty: "easy",
    });
  });

  it("streamText with Output.object streams the JSON and parses it", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const result = streamText({
      model: provider(host).chatModel("qwen-plus"),
      output: Output.object({ schema: Recipe }),
      prompt: "A recipe",
      maxRetries: 0,
    });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(Recipe.parse(JSON.parse(text))).toEqual(await result.output);
  });

  it("toolChoice required forces a call; the loop ends with a text answer", async () => {
    const host = testHost("dashscope.aliyuncs.com");
    const calls: unknown[] = [];
    const result = await generateText({
      model: provider(host).chatModel("qwen-plus"),
      prompt: "Hello",
      tools: {
        lookup: tool({
          description: "Look something up",
          inputSchema: z.object({ query: z.string(), limit: z.number().int().min(1) }),
          execute: async (input) => {
            calls.push(input);
            return "found";
          },
        }),
      },
      toolChoice: "required",
      stopWhen: stepCountIs(1),
      maxRetries: 0,
    });
    expect(calls).toEqual([{ query: expect.any(String), limit: expect.any(Number) }]);
    expect(result.toolCalls.map((call) => call.toolName)).toEqual(["lookup"]);
  });

  it("runs parallel tool calls the prompt names, then answers in text", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const called: string[] = [];
    const city = z.object({ city: z.string() });
    const result = await generateText({
      model: provider(host).chatModel("qwen-plus"),
      prompt: "get_weather and get_time in Paris",
      tools: {
        get_weather: tool({ inputSchema: city, execute: async () => called.push("get_weather") }),
        get_time: tool({ inputSchema: city, execute: async () => called.push("get_time") }),
      },
      // Unknown provider options go into the body as given.
      providerOptions: { dashscope: { parallel_tool_calls: true } },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(called.sort()).toEqual(["get_time", "get_weather"]);
    expect(result.steps[0]?.toolCalls).toHaveLength(2);
    expect(result.text).toMatch(/\w+\.$/);
  });

  it("retries past a first-request fault (times=1)", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const model = provider(host, {
      "x-mock-fault": "error;error=model-unavailable;retryAfterSeconds=0;times=1",
    }).chatModel("qwen-max");
    const result = await generateText({ model, prompt: "Hi", maxRetries: 2 });
    expect(result.finishReason).toBe("stop");
    expect(mock.recorder.requests).toHaveLength(2);
  });
});
