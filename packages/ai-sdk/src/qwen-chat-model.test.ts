import { maskApiKey } from "@qwenkit/core";
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { createQwen } from "./index.js";
import { KEYS, NATIVE_ENDPOINTS, settingsFor } from "./test-utils/endpoints.js";
import { lastBody, useDashscopeMock } from "./test-utils/mock.js";

// A fixed clock in the past, so a timestamp the AI SDK makes up itself (now) cannot pass for it.
const CLOCK_MS = Date.parse("2026-06-01T12:00:00Z");
const mock = useDashscopeMock({ clock: () => CLOCK_MS });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const endpoints = NATIVE_ENDPOINTS.map((endpoint) => ({
  name: `${endpoint.family} ${endpoint.region}`,
  endpoint,
}));

describe.each(endpoints)("on $name", ({ endpoint }) => {
  it("streams thinking and text with usage, finish reason, response id and request id", async () => {
    const qwen = createQwen(settingsFor(endpoint));
    const result = streamText({
      model: qwen("qwen3.5-plus"),
      prompt: "Who are you?",
      // The mock reports this many prompt tokens as read from DashScope's context cache.
      headers: { "x-mock-cached-tokens": "4" },
      maxRetries: 0,
    });
    const kinds = new Set<string>();
    let streamedText = "";
    for await (const part of result.fullStream) {
      kinds.add(part.type);
      if (part.type === "text-delta") streamedText += part.text;
    }
    const [text, reasoning, usage, finishReason, response, metadata] = await Promise.all([
      result.text,
      result.reasoningText,
      result.usage,
      result.finishReason,
      result.response,
      result.providerMetadata,
    ]);
    expect(kinds).toEqual(
      new Set([
        "start",
        "start-step",
        "reasoning-start",
        "reasoning-delta",
        "reasoning-end",
        "text-start",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
      ]),
    );
    expect(text).toBe(streamedText);
    expect(text.length).toBeGreaterThan(0);
    expect(reasoning?.length).toBeGreaterThan(0);
    expect(finishReason).toBe("stop");
    expect(usage.inputTokens).toBeGreaterThan(4);
    expect(usage.inputTokenDetails).toEqual({
      cacheReadTokens: 4,
      noCacheTokens: (usage.inputTokens ?? 0) - 4,
    });
    expect(usage.outputTokenDetails.reasoningTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBe(
      (usage.outputTokenDetails.reasoningTokens ?? 0) + (usage.outputTokenDetails.textTokens ?? 0),
    );
    expect(usage.totalTokens).toBe((usage.inputTokens ?? 0) + (usage.outputTokens ?? 0));
    const requestId = metadata?.qwen?.requestId;
    expect(requestId).toMatch(UUID);
    expect(response.id).toBe(`chatcmpl-${requestId}`);
    expect(response.modelId).toBe("qwen3.5-plus");
    expect(response.timestamp).toEqual(new Date(CLOCK_MS));
    expect(lastBody(mock)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(mock.recorder.last()?.headers.authorization).toBe(`Bearer ${maskApiKey(KEYS[endpoint.plan])}`);
  });

  it("generates text with usage and the ids, thinking off as DashScope requires without streaming", async () => {
    const qwen = createQwen(settingsFor(endpoint));
    const result = await generateText({ model: qwen("qwen3.5-plus"), prompt: "Who are you?", maxRetries: 0 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const requestId = result.providerMetadata?.qwen?.requestId;
    expect(result.response.id).toBe(`chatcmpl-${requestId}`);
    expect(result.response.modelId).toBe("qwen3.5-plus");
    expect(result.response.timestamp).toEqual(new Date(CLOCK_MS));
    expect(lastBody(mock)).toMatchObject({ enable_thinking: false, stream: false });
    expect(lastBody(mock)).not.toHaveProperty("stream_options");
  });
});

describe("thinking", () => {
  const endpoint = NATIVE_ENDPOINTS[0];
  if (endpoint === undefined) throw new Error("no endpoint");

  it("thinks in generateText when asked, streaming the call underneath (DashScope thinks only when streaming)", async () => {
    const qwen = createQwen(settingsFor(endpoint));
    const result = await generateText({
      model: qwen("qwen3.5-plus"),
      prompt: "Is 1,000,003 prime?",
      providerOptions: { qwen: { enableThinking: true, thinkingBudget: 512 } },
      include: { requestBody: true },
      maxRetries: 0,
    });
    expect(result.reasoningText?.length).toBeGreaterThan(0);
    expect(result.content.map((part) => part.type)).toEqual(["reasoning", "text"]);
    expect(result.usage.outputTokenDetails.reasoningTokens).toBeGreaterThan(0);
    expect(lastBody(mock)).toMatchObject({ stream: true, enable_thinking: true, thinking_budget: 512 });
    expect(result.request.body).toMatchObject({ stream: true, enable_thinking: true });
  });

  it("maps the call's reasoning effort to DashScope's thinking switch and says so", async () => {
    const qwen = createQwen(settingsFor(endpoint));
    const result = streamText({ model: qwen("qwen3.5-plus"), prompt: "Hi", reasoning: "low", maxRetries: 0 });
    await result.consumeStream();
    expect(lastBody(mock)).toMatchObject({ enable_thinking: true, thinking_budget: 4096 });
    expect(lastBody(mock)).not.toHaveProperty("reasoning_effort");
    const metadata = await result.providerMetadata;
    expect(metadata?.qwen?.warnings).toEqual([expect.objectContaining({ code: "reasoning-effort-mapped" })]);
    expect(await result.warnings).toEqual([
      { type: "other", message: expect.stringMatching(/^qwen reasoning-effort-mapped: /) },
    ]);
  });

  it("streams no reasoning from a model that does not think", async () => {
    const qwen = createQwen(settingsFor(endpoint, "qwen3-coder-plus"));
    const result = streamText({ model: qwen(), prompt: "Hi", maxRetries: 0 });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).not.toContain("reasoning-start");
    expect((await result.usage).outputTokenDetails.reasoningTokens).toBeUndefined();
  });
});
