import { inspect } from "node:util";
import { CONTROL_HEADERS, setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createQwenProvider } from "./provider.js";
import type { QwenStreamEvent } from "./stream-events.js";
import { drain, HOSTS, KEYS, providerFor } from "./test-utils/hosts.js";

const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const hello = [{ role: "user" as const, content: "Hello" }];
const body = () => mock.recorder.last()?.body as Record<string, unknown>;
const textOf = (events: readonly QwenStreamEvent[], type: "text" | "reasoning") =>
  events.map((event) => (event.type === type ? event.delta : "")).join("");

const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_current_weather",
    description: "Current weather of a city",
    parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
};

describe.each(HOSTS)("$name ($host)", (host) => {
  it("exposes the resolved config with the key masked, and an OpenAI client for the endpoint", () => {
    const qwen = providerFor(host);
    expect(qwen.config.endpoint).toMatchObject({ plan: host.plan, native: true });
    expect(new URL(qwen.config.endpoint.baseUrl).hostname).toBe(host.host);
    expect(qwen.client.baseURL).toBe(qwen.config.endpoint.baseUrl);
    expect(qwen.client.maxRetries).toBe(0);
    const key = KEYS[host.plan];
    for (const surface of [
      inspect(qwen, { depth: 10 }),
      JSON.stringify(qwen),
      inspect(qwen.client, { depth: 10 }),
      JSON.stringify(qwen.client),
      JSON.stringify(qwen.config),
      inspect(qwen.config, { depth: 10 }),
    ]) {
      expect(surface).not.toContain(key);
    }
    expect(inspect(qwen)).toContain(qwen.config.apiKey.masked);
  });

  it("answers a non-streaming call: hybrid thinking switched off, no stream options, usage and request id", async () => {
    const qwen = providerFor(host);
    const result = await qwen.chat({ messages: hello });
    const sent = body();
    expect(sent).toMatchObject({ model: "qwen3.5-plus", enable_thinking: false });
    expect(sent).not.toHaveProperty("stream_options");
    expect(mock.recorder.last()?.host).toBe(host.host);
    expect(result.text).not.toBe("");
    expect(result.reasoning).toBe("");
    expect(result.finishReason).toBe("stop");
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
    expect(result.usage?.totalTokens).toBe(
      (result.usage?.inputTokens ?? 0) + (result.usage?.outputTokens ?? 0),
    );
    expect(result.id).toBe(`chatcmpl-${result.requestId}`);
  });

  it("streams text with usage: include_usage is requested and the usage frame arrives", async () => {
    const qwen = providerFor(host);
    const stream = qwen.stream(
      { messages: hello, thinking: { enabled: false } },
      {
        headers: { [CONTROL_HEADERS.chunks]: "5" },
      },
    );
    const events = await drain(stream);
    const result = await stream.result;
    expect(body()).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      enable_thinking: false,
    });
    expect(events.filter((event) => event.type === "text")).toHaveLength(5);
    expect(events.slice(-2).map((event) => event.type)).toEqual(["finish", "usage"]);
    expect(result.text).toBe(textOf(events, "text"));
    expect(result.finishReason).toBe("stop");
    expect(result.usage).toMatchObject({ outputTokens: 5, reasoningTokens: undefined });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.id).toBe(`chatcmpl-${result.requestId}`);
  });

  it("streams reasoning before the answer, with reasoning tokens in the usage", async () => {
    const qwen = providerFor(host);
    const stream = qwen.stream({ messages: hello }, { headers: { [CONTROL_HEADERS.reasoningChunks]: "3" } });
    const events = await drain(stream);
    const result = await stream.result;
    const firstText = events.findIndex((event) => event.type === "text");
    const lastReasoning = events.findLastIndex((event) => event.type === "reasoning");
    expect(lastReasoning).toBeGreaterThanOrEqual(0);
    expect(lastReasoning).toBeLessThan(firstText);
    expect(result.reasoning).toBe(textOf(events, "reasoning"));
    expect(result.reasoning.startsWith("Here")).toBe(true);
    expect(result.usage?.reasoningTokens).toBe(3);
  });

  it("caps thinking with the typed thinking option (thinking_budget)", async () => {
    const qwen = providerFor(host);
    const result = await qwen.stream({ messages: hello, thinking: { enabled: true, budgetTokens: 2 } })
      .result;
    expect(body()).toMatchObject({ enable_thinking: true, thinking_budget: 2 });
    expect(result.usage?.reasoningTokens).toBe(2);
  });

  it("assembles a tool call sent in many fragments, arguments parsed", async () => {
    const qwen = providerFor(host);
    const stream = qwen.stream(
      {
        messages: [{ role: "user", content: "Use get_current_weather for Hangzhou" }],
        tools: [WEATHER_TOOL],
        thinking: { enabled: false },
      },
      { headers: { [CONTROL_HEADERS.toolArgumentsBytes]: "300" } },
    );
    const events = await drain(stream);
    const result = await stream.result;
    const deltas = events.filter((event) => event.type === "tool-call-delta");
    expect(deltas.length).toBeGreaterThan(2);
    expect(new Set(deltas.map((event) => (event.type === "tool-call-delta" ? event.id : "")))).toEqual(
      new Set([result.toolCalls[0]?.id]),
    );
    expect(result.toolCalls).toHaveLength(1);
    const [call] = result.toolCalls;
    expect(call?.id).toMatch(/^call_[0-9a-f]+$/);
    expect(call?.name).toBe("get_current_weather");
    expect(new TextEncoder().encode(call?.arguments).length).toBe(300);
    expect(call?.parsed).toEqual({ ok: true, value: { location: expect.stringMatching(/^a/) } });
    expect(events.filter((event) => event.type === "tool-call")).toHaveLength(1);
    expect(result.finishReason).toBe("tool_calls");
    expect(result.usage).toBeDefined();
  });

  it("returns tool calls of a non-streaming call too", async () => {
    const qwen = providerFor(host);
    const result = await qwen.chat({
      messages: [{ role: "user", content: "get_current_weather in Beijing?" }],
      tools: [WEATHER_TOOL],
    });
    expect(result.finishReason).toBe("tool_calls");
    expect(result.toolCalls[0]).toMatchObject({ name: "get_current_weather", parsed: { ok: true } });
  });

  it("shapes an OpenAI-style request so DashScope accepts it (recorded body)", async () => {
    const qwen = providerFor(host);
    const result = await qwen.stream({
      messages: [
        { role: "developer", content: "Answer briefly." },
        { role: "user", content: "Hello" },
      ],
      max_tokens: 40,
      tools: [],
      tool_choice: "auto",
      reasoning_effort: "low",
    }).result;
    const sent = body();
    expect(sent.messages).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "Hello" },
    ]);
    expect(sent).toMatchObject({
      max_completion_tokens: 40,
      enable_thinking: true,
      thinking_budget: 4096,
      stream_options: { include_usage: true },
    });
    for (const dropped of ["max_tokens", "tools", "tool_choice", "reasoning_effort", "thinking"]) {
      expect(sent).not.toHaveProperty(dropped);
    }
    expect(result.warnings.map((warning) => warning.code)).toEqual(["reasoning-effort-mapped"]);
    expect(result.usage).toBeDefined();
  });

  it("switches thinking off for json_object so DashScope accepts it", async () => {
    const qwen = providerFor(host);
    const result = await qwen.chat({ messages: hello, response_format: { type: "json_object" } });
    expect(body()).toMatchObject({ response_format: { type: "json_object" }, enable_thinking: false });
    expect(result.finishReason).toBe("stop");
  });

  it("streams a non-streaming call that asks for thinking, and returns the aggregate", async () => {
    const qwen = providerFor(host);
    const result = await qwen.chat({ messages: hello, thinking: { enabled: true } });
    expect(body()).toMatchObject({
      stream: true,
      enable_thinking: true,
      stream_options: { include_usage: true },
    });
    expect(result.reasoning).not.toBe("");
    expect(result.text).not.toBe("");
    expect(result.usage?.reasoningTokens).toBeGreaterThan(0);
  });

  it("accepts a model ref per request (alias prefix) and sends the bare id", async () => {
    const qwen = providerFor(host);
    await qwen.chat({ model: "modelstudio/qwen3-coder-plus", messages: hello });
    expect(body()).toMatchObject({ model: "qwen3-coder-plus" });
    expect(body()).not.toHaveProperty("enable_thinking");
  });

  it("sends default headers and per-call headers, and never lets the SDK retry by itself", async () => {
    const qwen = providerFor(host, { defaultHeaders: { "x-app": "qwenkit-test" } });
    await qwen.chat({ messages: hello }, { headers: { "x-call": "1" } });
    const headers = mock.recorder.last()?.headers;
    expect(headers).toMatchObject({ "x-app": "qwenkit-test", "x-call": "1", "x-stainless-retry-count": "0" });
    expect(headers?.authorization).toBe(`Bearer ${qwen.config.apiKey.masked}`);
  });
});

describe("streaming usage settings", () => {
  const [host] = HOSTS;

  it("leaves include_usage out when the model's config turns streaming usage off (usage then unknown)", async () => {
    const qwen = providerFor(host, {
      config: {
        models: {
          providers: {
            qwen: { models: [{ id: "qwen3.5-plus", compat: { supportsUsageInStreaming: false } }] },
          },
        },
      },
    });
    const result = await qwen.stream({ messages: hello }).result;
    expect(body()).not.toHaveProperty("stream_options");
    expect(result.usage).toBeUndefined();
    expect(result.finishReason).toBe("stop");
  });

  it("keeps detected streaming usage for a model without a setting of its own", async () => {
    const qwen = providerFor(host, {
      config: {
        models: {
          providers: {
            qwen: { models: [{ id: "qwen3.5-plus", compat: { supportsUsageInStreaming: false } }] },
          },
        },
      },
    });
    const result = await qwen.stream({ model: "qwen/qwen3-coder-plus", messages: hello }).result;
    expect(body()).toMatchObject({ stream_options: { include_usage: true } });
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
    expect(qwen.capabilitiesFor("qwen3.5-plus").streamingUsage).toBe(false);
  });

  it("lets the streamingUsage option win", async () => {
    const qwen = providerFor(host, { streamingUsage: false });
    await qwen.stream({ messages: hello }).result;
    expect(body()).not.toHaveProperty("stream_options");
    expect(qwen.capabilitiesFor().streamingUsage).toBe(false);
  });
});

describe("createQwenProvider options", () => {
  it.each([
    [{ timeout: 0 }, /timeout must be a positive number/],
    [{ maxRetries: -1 }, /maxRetries must be a non-negative integer/],
    [{ shapeRequests: "sometimes" as "auto" }, /shapeRequests must be "auto" or "always"/],
  ])("rejects %o", (options, message) => {
    expect(() => createQwenProvider({ apiKey: KEYS.standard, env: {}, ...options })).toThrow(message);
  });

  it("throws core's missing-api-key error without a key", () => {
    expect(() => createQwenProvider({ env: {} })).toThrow(
      expect.objectContaining({ kind: "missing-api-key" }),
    );
  });
});
