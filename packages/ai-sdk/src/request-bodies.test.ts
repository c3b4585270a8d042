import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { generateText, jsonSchema, Output, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { createQwen, type QwenChatLanguageModel } from "./index.js";
import { KEYS } from "./test-utils/endpoints.js";
import { GATEWAY_BASE_URL, gatewayFetch, lastBody, useDashscopeMock } from "./test-utils/mock.js";

const mock = useDashscopeMock();

const native = createQwen({ authChoice: "qwen-standard-api-key", apiKey: KEYS.standard, env: {} });
const gateway = createQwen({
  baseUrl: GATEWAY_BASE_URL,
  apiKey: KEYS.standard,
  env: {},
  fetch: gatewayFetch,
});

const SETTINGS = {
  system: "Be brief.",
  prompt: "Hi",
  maxOutputTokens: 256,
  temperature: 0.3,
  topP: 0.9,
  topK: 20,
  seed: 7,
  stopSequences: ["END"],
  presencePenalty: 0.5,
  frequencyPenalty: 0.2,
  maxRetries: 0,
};

/** Streams one call straight through the model, the way `streamText` would, and returns its parts. */
async function doStream(model: QwenChatLanguageModel, options: Omit<LanguageModelV4CallOptions, "prompt">) {
  const { stream } = await model.doStream({
    prompt: [{ role: "user", content: [{ type: "text", text: "List three cities." }] }],
    ...options,
  });
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const CITIES = jsonSchema<{ cities: string[] }>({
  type: "object",
  properties: { cities: { type: "array", items: { type: "string" } } },
  required: ["cities"],
  additionalProperties: false,
});

/**
 * What SETTINGS become on every endpoint: the messages, the sampling fields under their Chat
 * Completions names (`top_k` too: DashScope reads it, gateways pass it on) and `stream`. Each test
 * adds the fields its endpoint differs in; together they are the whole body.
 */
const SETTINGS_BODY = {
  frequency_penalty: 0.2,
  messages: [
    { content: "Be brief.", role: "system" },
    { content: "Hi", role: "user" },
  ],
  model: "qwen3-coder-plus",
  presence_penalty: 0.5,
  seed: 7,
  stop: ["END"],
  stream: true,
  temperature: 0.3,
  top_k: 20,
  top_p: 0.9,
};

describe("the body each endpoint gets", () => {
  it("native host: the output limit as max_completion_tokens, usage asked for, DashScope's top_k", async () => {
    await streamText({ model: native("qwen3-coder-plus"), ...SETTINGS }).consumeStream();
    expect(lastBody(mock)).toStrictEqual({
      ...SETTINGS_BODY,
      max_completion_tokens: 256,
      stream_options: { include_usage: true },
    });
  });

  it("gateway: the output limit as max_tokens, no stream_options, everything else as the AI SDK set it", async () => {
    await streamText({ model: gateway("qwen3-coder-plus"), ...SETTINGS }).consumeStream();
    expect(mock.recorder.last()?.host).toBe("dashscope-intl.aliyuncs.com");
    expect(lastBody(mock)).toStrictEqual({ ...SETTINGS_BODY, max_tokens: 256 });
  });

  it("non-streaming on a native host: thinking off for a hybrid model, no stream_options", async () => {
    await generateText({ model: native("qwen3.5-plus"), prompt: "Hi", maxRetries: 0 });
    expect(lastBody(mock)).toMatchInlineSnapshot(`
      {
        "enable_thinking": false,
        "messages": [
          {
            "content": "Hi",
            "role": "user",
          },
        ],
        "model": "qwen3.5-plus",
        "stream": false,
      }
    `);
  });

  it("providerOptions.qwen: DashScope's fields, thinking as enable_thinking and thinking_budget", async () => {
    await streamText({
      model: native("qwen3.5-plus"),
      prompt: "Weather in Hangzhou today?",
      tools: { get_weather: tool({ inputSchema: jsonSchema({ type: "object", properties: {} }) }) },
      toolChoice: "none",
      providerOptions: {
        qwen: {
          enableThinking: true,
          thinkingBudget: 1024,
          enableSearch: true,
          searchOptions: { forced_search: true },
          parallelToolCalls: true,
          vlHighResolutionImages: true,
        },
      },
      maxRetries: 0,
    }).consumeStream();
    expect(lastBody(mock)).toMatchInlineSnapshot(`
      {
        "enable_search": true,
        "enable_thinking": true,
        "messages": [
          {
            "content": "Weather in Hangzhou today?",
            "role": "user",
          },
        ],
        "model": "qwen3.5-plus",
        "parallel_tool_calls": true,
        "search_options": {
          "forced_search": true,
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "thinking_budget": 1024,
        "tool_choice": "none",
        "tools": [
          {
            "function": {
              "name": "get_weather",
              "parameters": {
                "properties": {},
                "type": "object",
              },
            },
            "type": "function",
          },
        ],
        "vl_high_resolution_images": true,
      }
    `);
  });

  it("an image as an image_url part", async () => {
    await streamText({
      model: native("qwen3.5-plus"),
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in the picture?" },
            { type: "image", image: new URL("https://example.com/cat.png") },
          ],
        },
      ],
      providerOptions: { qwen: { enableThinking: false } },
      maxRetries: 0,
    }).consumeStream();
    expect(lastBody(mock).messages).toMatchInlineSnapshot(`
      [
        {
          "content": [
            {
              "text": "What is in the picture?",
              "type": "text",
            },
            {
              "image_url": {
                "url": "https://example.com/cat.png",
              },
              "type": "image_url",
            },
          ],
          "role": "user",
        },
      ]
    `);
  });
});

describe("JSON mode", () => {
  it("a schema goes as json_schema (strict), with thinking off", async () => {
    await doStream(native("qwen3.5-plus"), {
      responseFormat: { type: "json", schema: CITIES.jsonSchema as never, name: "cities" },
    });
    expect(lastBody(mock)).toMatchInlineSnapshot(`
      {
        "enable_thinking": false,
        "messages": [
          {
            "content": "List three cities.",
            "role": "user",
          },
        ],
        "model": "qwen3.5-plus",
        "response_format": {
          "json_schema": {
            "name": "cities",
            "schema": {
              "additionalProperties": false,
              "properties": {
                "cities": {
                  "items": {
                    "type": "string",
                  },
                  "type": "array",
                },
              },
              "required": [
                "cities",
              ],
              "type": "object",
            },
            "strict": true,
          },
          "type": "json_schema",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
      }
    `);
  });

  it("structuredOutputs: false sends json_object with the schema in a system message", async () => {
    await doStream(native("qwen3.5-plus"), {
      responseFormat: { type: "json", schema: CITIES.jsonSchema as never },
      providerOptions: { qwen: { structuredOutputs: false } },
    });
    expect(lastBody(mock)).toMatchInlineSnapshot(`
      {
        "enable_thinking": false,
        "messages": [
          {
            "content": "JSON schema:
      {"type":"object","properties":{"cities":{"type":"array","items":{"type":"string"}}},"required":["cities"],"additionalProperties":false}
      You MUST answer with a JSON object that matches the JSON schema above.",
            "role": "system",
          },
          {
            "content": "List three cities.",
            "role": "user",
          },
        ],
        "model": "qwen3.5-plus",
        "response_format": {
          "type": "json_object",
        },
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
      }
    `);
  });

  it("JSON without a schema is json_object, and the prompt says JSON as DashScope requires", async () => {
    await doStream(native("qwen3.5-plus"), { responseFormat: { type: "json" } });
    expect(lastBody(mock)).toMatchObject({
      response_format: { type: "json_object" },
      enable_thinking: false,
      messages: [{ role: "system", content: "You MUST answer with JSON." }, { role: "user" }],
    });
  });

  it("thinking asked for together with JSON is turned off, with a warning in the stream and the metadata", async () => {
    const parts = await doStream(native("qwen3.5-plus"), {
      responseFormat: { type: "json", schema: CITIES.jsonSchema as never },
      providerOptions: { qwen: { enableThinking: true } },
    });
    expect(lastBody(mock)).toMatchObject({ enable_thinking: false });
    const start = parts.find((part) => part.type === "stream-start");
    expect(start).toEqual({
      type: "stream-start",
      warnings: [
        {
          type: "other",
          message:
            "qwen thinking-disabled-for-json-mode: Thinking was turned off: DashScope rejects json_schema together with thinking.",
        },
      ],
    });
    const finish = parts.find((part) => part.type === "finish");
    expect(finish?.type === "finish" && finish.providerMetadata?.qwen?.warnings).toEqual([
      {
        code: "thinking-disabled-for-json-mode",
        message: "Thinking was turned off: DashScope rejects json_schema together with thinking.",
      },
    ]);
  });

  it("Output.object sends the schema of the output", async () => {
    const call = generateText({
      model: native("qwen3.5-plus"),
      prompt: "List three cities.",
      output: Output.object({ schema: CITIES }),
      maxRetries: 0,
    });
    await call.catch(() => undefined);
    expect(lastBody(mock).response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "response", schema: CITIES.jsonSchema, strict: true },
    });
  });
});
