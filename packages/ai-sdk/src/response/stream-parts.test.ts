import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import type { QwenChatResult, QwenStreamEvent, QwenToolCall } from "@qwenkit/provider";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamPartWriter } from "./stream-parts.js";

const result = (overrides: Partial<QwenChatResult> = {}): QwenChatResult => ({
  id: "chatcmpl-1",
  requestId: "1",
  model: "qwen3.5-plus",
  created: undefined,
  text: "",
  reasoning: "",
  toolCalls: [],
  finishReason: "stop",
  usage: undefined,
  warnings: [],
  ...overrides,
});

const toolCall = (index: number, id: string, args: string): QwenToolCall => ({
  index,
  id,
  name: "get_weather",
  arguments: args,
  parsed: { ok: true, value: JSON.parse(args) },
});

function partsOf(
  events: readonly QwenStreamEvent[],
  end: QwenChatResult = result(),
): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [];
  const writer = new StreamPartWriter((part) => parts.push(part));
  for (const event of events) writer.write(event);
  writer.finish(end, { qwen: { warnings: [] } });
  return parts;
}

const FINISH = {
  type: "finish",
  finishReason: { unified: "stop", raw: "stop" },
  usage: {
    inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: undefined, text: undefined, reasoning: undefined },
  },
  providerMetadata: { qwen: { warnings: [] } },
} as const;

describe("StreamPartWriter", () => {
  it("writes thinking, then the answer, as two blocks", () => {
    expect(
      partsOf([
        { type: "reasoning", delta: "Let me " },
        { type: "reasoning", delta: "think." },
        { type: "text", delta: "Hello" },
        { type: "finish", finishReason: "stop" },
      ]),
    ).toEqual([
      { type: "reasoning-start", id: "reasoning-0" },
      { type: "reasoning-delta", id: "reasoning-0", delta: "Let me " },
      { type: "reasoning-delta", id: "reasoning-0", delta: "think." },
      { type: "reasoning-end", id: "reasoning-0" },
      { type: "text-start", id: "text-1" },
      { type: "text-delta", id: "text-1", delta: "Hello" },
      { type: "text-end", id: "text-1" },
      { type: "response-metadata", id: "chatcmpl-1", modelId: "qwen3.5-plus" },
      FINISH,
    ]);
  });

  it("streams a tool call's input and then the complete call, with the call's id on every part", () => {
    const call = toolCall(0, "call_abc", '{"location":"Hangzhou"}');
    expect(
      partsOf(
        [
          { type: "text", delta: "Checking." },
          {
            type: "tool-call-delta",
            index: 0,
            id: "call_abc",
            name: "get_weather",
            argumentsDelta: '{"location":',
          },
          {
            type: "tool-call-delta",
            index: 0,
            id: "call_abc",
            name: "get_weather",
            argumentsDelta: '"Hangzhou"}',
          },
          { type: "tool-call", toolCall: call },
          { type: "finish", finishReason: "tool_calls" },
        ],
        result({ finishReason: "tool_calls", toolCalls: [call] }),
      ),
    ).toEqual([
      { type: "text-start", id: "text-0" },
      { type: "text-delta", id: "text-0", delta: "Checking." },
      { type: "text-end", id: "text-0" },
      { type: "tool-input-start", id: "call_abc", toolName: "get_weather" },
      { type: "tool-input-delta", id: "call_abc", delta: '{"location":' },
      { type: "tool-input-delta", id: "call_abc", delta: '"Hangzhou"}' },
      { type: "tool-input-end", id: "call_abc" },
      {
        type: "tool-call",
        toolCallId: "call_abc",
        toolName: "get_weather",
        input: '{"location":"Hangzhou"}',
      },
      { type: "response-metadata", id: "chatcmpl-1", modelId: "qwen3.5-plus" },
      { ...FINISH, finishReason: { unified: "tool-calls", raw: "tool_calls" } },
    ]);
  });

  it("gives a call without an id one from its index, the same on its input and on the call", () => {
    const parts = partsOf([
      { type: "tool-call-delta", index: 2, id: "", name: "get_weather", argumentsDelta: "" },
      { type: "tool-call", toolCall: { ...toolCall(2, "", "{}"), arguments: "" } },
    ]);
    expect(parts.slice(0, 3)).toEqual([
      { type: "tool-input-start", id: "call-2", toolName: "get_weather" },
      { type: "tool-input-end", id: "call-2" },
      { type: "tool-call", toolCallId: "call-2", toolName: "get_weather", input: "{}" },
    ]);
  });

  it("ends a failed stream with the error and a finish of reason error, keeping the usage that came", () => {
    const parts: LanguageModelV4StreamPart[] = [];
    const writer = new StreamPartWriter((part) => parts.push(part));
    const usage = {
      inputTokens: 5,
      outputTokens: 2,
      totalTokens: 7,
      cachedInputTokens: undefined,
      cacheCreationInputTokens: undefined,
      reasoningTokens: undefined,
    };
    writer.write({ type: "text", delta: "Hel" });
    writer.write({ type: "usage", usage });
    const error = new Error("cut off");
    writer.fail(error, { qwen: { requestId: "r-1", warnings: [] } });
    expect(parts.slice(2)).toEqual([
      { type: "text-end", id: "text-0" },
      { type: "error", error },
      {
        type: "finish",
        finishReason: { unified: "error", raw: undefined },
        usage: {
          inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 2, text: 2, reasoning: undefined },
        },
        providerMetadata: { qwen: { requestId: "r-1", warnings: [] } },
      },
    ]);
  });

  it("keeps every delta inside one open block of its kind, whatever the interleaving", () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant("text" as const), delta: fc.string({ minLength: 1 }) }),
      fc.record({ type: fc.constant("reasoning" as const), delta: fc.string({ minLength: 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const parts = partsOf(events);
        const open = new Map<string, "text" | "reasoning">();
        const seen = new Set<string>();
        const written = { text: "", reasoning: "" };
        for (const part of parts) {
          if (part.type === "text-start" || part.type === "reasoning-start") {
            expect(open.size).toBe(0);
            expect(seen.has(part.id)).toBe(false);
            seen.add(part.id);
            open.set(part.id, part.type === "text-start" ? "text" : "reasoning");
          } else if (part.type === "text-delta" || part.type === "reasoning-delta") {
            expect(open.get(part.id)).toBe(part.type === "text-delta" ? "text" : "reasoning");
            written[part.type === "text-delta" ? "text" : "reasoning"] += part.delta;
          } else if (part.type === "text-end" || part.type === "reasoning-end") {
            expect(open.delete(part.id)).toBe(true);
          }
        }
        expect(open.size).toBe(0);
        const sent = (type: "text" | "reasoning") =>
          events
            .filter((candidate) => candidate.type === type)
            .map((candidate) => candidate.delta)
            .join("");
        expect(written).toEqual({ text: sent("text"), reasoning: sent("reasoning") });
      }),
    );
  });
});
