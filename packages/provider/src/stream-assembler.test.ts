import type { DashScopeChunk, Received } from "@qwenkit/core/wire";
import { describe, expect, it } from "vitest";
import { captureFrames } from "../../../fixtures/wire/captures.js";
import { StreamAssembler } from "./stream-assembler.js";
import type { QwenStreamEvent } from "./stream-events.js";

type WireChunk = Received<DashScopeChunk>;
const fixtureChunks = captureFrames<WireChunk>;

function assemble(chunks: readonly WireChunk[], requestId?: string) {
  const assembler = new StreamAssembler();
  const events: QwenStreamEvent[] = [];
  for (const chunk of chunks) events.push(...assembler.push(chunk));
  events.push(...assembler.end());
  return { events, result: assembler.snapshot({ requestId }), finished: assembler.finished };
}

const chunk = (choices: WireChunk["choices"], usage: unknown = null): WireChunk => ({
  id: "chatcmpl-00000000-0000-0000-0000-000000000001",
  model: "qwen-plus",
  choices,
  // Tests feed malformed usage too; the assembler must cope with whatever JSON holds.
  usage: usage as WireChunk["usage"],
});

describe("StreamAssembler on the verbatim DashScope captures", () => {
  it("assembles a text stream: content, finish in an empty-delta frame, usage from the choices: [] frame", () => {
    const { events, result, finished } = assemble(fixtureChunks("stream-text-with-usage"));
    expect(events).toEqual([
      { type: "text", delta: "我是" },
      { type: "finish", finishReason: "stop" },
      {
        type: "usage",
        usage: {
          inputTokens: 22,
          outputTokens: 17,
          totalTokens: 39,
          cachedInputTokens: undefined,
          cacheCreationInputTokens: undefined,
          reasoningTokens: undefined,
        },
      },
    ]);
    expect(finished).toBe(true);
    expect(result).toMatchObject({
      id: "chatcmpl-428b414f-fdd4-94c6-b179-8f576ad653a8",
      requestId: "428b414f-fdd4-94c6-b179-8f576ad653a8",
      model: "qwen-plus",
      text: "我是",
      reasoning: "",
      toolCalls: [],
      finishReason: "stop",
    });
    expect(result.usage?.totalTokens).toBe(39);
  });

  it("keeps reasoning_content of a thinking model and its reasoning token count", () => {
    const { events, result } = assemble(fixtureChunks("stream-reasoning"));
    expect(events.map((event) => event.type)).toEqual(["reasoning", "finish", "usage"]);
    expect(result.reasoning).toBe("Here");
    expect(result.text).toBe("");
    expect(result.finishReason).toBe("stop");
    expect(result.usage).toEqual({
      inputTokens: 1030,
      outputTokens: 844,
      totalTokens: 1874,
      cachedInputTokens: undefined,
      cacheCreationInputTokens: undefined,
      reasoningTokens: 798,
    });
  });

  it('merges a follow-up tool-call delta with "id": "" into the first call and parses the arguments', () => {
    const { events, result } = assemble(fixtureChunks("stream-tool-call"));
    expect(events).toEqual([
      {
        type: "tool-call-delta",
        index: 0,
        id: "call_0bdcc155f2534f65a05cb1",
        name: "get_current_weather",
        argumentsDelta: '{"location":',
      },
      {
        type: "tool-call-delta",
        index: 0,
        id: "call_0bdcc155f2534f65a05cb1",
        name: "get_current_weather",
        argumentsDelta: ' "杭州市"}',
      },
      {
        type: "tool-call",
        toolCall: {
          index: 0,
          id: "call_0bdcc155f2534f65a05cb1",
          name: "get_current_weather",
          arguments: '{"location": "杭州市"}',
          parsed: { ok: true, value: { location: "杭州市" } },
        },
      },
      { type: "finish", finishReason: "tool_calls" },
    ]);
    expect(result.toolCalls).toHaveLength(1);
    expect(result.finishReason).toBe("tool_calls");
  });

  it("reports usage as unknown (undefined), not zero, when no usage frame came", () => {
    const { events, result } = assemble(fixtureChunks("stream-tool-call"));
    expect(result.usage).toBeUndefined();
    expect(events.some((event) => event.type === "usage")).toBe(false);
  });
});

describe("StreamAssembler on constructed streams", () => {
  it("keeps parallel tool calls apart by index even when their fragments interleave", () => {
    const { result } = assemble([
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 0, id: "call_a", type: "function", function: { name: "a", arguments: '{"x":' } },
            ],
          },
        },
      ]),
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 1, id: "call_b", type: "function", function: { name: "b", arguments: '{"y":' } },
            ],
          },
        },
      ]),
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: "", type: "function", function: { arguments: "1}" } }] },
        },
      ]),
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 1, id: "", type: "function", function: { arguments: "2}" } }] },
        },
      ]),
      chunk([{ index: 0, delta: {}, finish_reason: "tool_calls" }]),
    ]);
    expect(result.toolCalls.map((call) => [call.id, call.name, call.parsed])).toEqual([
      ["call_a", "a", { ok: true, value: { x: 1 } }],
      ["call_b", "b", { ok: true, value: { y: 2 } }],
    ]);
  });

  it("follows ids when fragments carry no index: an empty id continues the last call, a new id starts one", () => {
    const { result } = assemble([
      chunk([{ delta: { tool_calls: [{ id: "call_a", function: { name: "a", arguments: "{" } }] } }]),
      chunk([{ delta: { tool_calls: [{ id: "", function: { arguments: "}" } }] } }]),
      chunk([{ delta: { tool_calls: [{ id: "call_b", function: { name: "b", arguments: "" } }] } }]),
      chunk([{ delta: {}, finish_reason: "tool_calls" }]),
    ]);
    expect(result.toolCalls.map((call) => [call.index, call.id, call.arguments])).toEqual([
      [0, "call_a", "{}"],
      [1, "call_b", ""],
    ]);
    expect(result.toolCalls[1]?.parsed).toEqual({ ok: true, value: {} });
  });

  it("reports unparseable tool arguments instead of throwing", () => {
    const { result, events } = assemble([
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [{ index: 0, id: "call_a", function: { name: "a", arguments: '{"x": tru' } }],
          },
        },
      ]),
      chunk([{ index: 0, delta: {}, finish_reason: "length" }]),
    ]);
    const parsed = result.toolCalls[0]?.parsed;
    expect(parsed?.ok).toBe(false);
    expect(parsed && !parsed.ok ? parsed.error : "").not.toBe("");
    expect(events.at(-1)).toEqual({ type: "finish", finishReason: "length" });
  });

  it("completes tool calls at the end of a stream whose finish frame carried no choices", () => {
    const assembler = new StreamAssembler();
    assembler.push(
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: "call_a", function: { name: "a", arguments: "{}" } }] },
        },
      ]),
    );
    const end = assembler.end();
    expect(end).toEqual([
      {
        type: "tool-call",
        toolCall: { index: 0, id: "call_a", name: "a", arguments: "{}", parsed: { ok: true, value: {} } },
      },
    ]);
    expect(assembler.end()).toEqual([]);
  });

  it("ignores other choices than index 0, a second finish reason, and null or empty deltas", () => {
    const { events, result } = assemble([
      chunk([
        { index: 1, delta: { content: "other" } },
        { index: 0, delta: { content: "mine" } },
      ]),
      chunk([{ index: 0, delta: null }]),
      chunk([{ index: 0, delta: { content: "", reasoning_content: null } }]),
      chunk([{ index: 0, delta: { content: "" }, finish_reason: "stop" }]),
      chunk([{ index: 0, delta: {}, finish_reason: "length" }]),
      chunk([], { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 }),
    ]);
    expect(result.text).toBe("mine");
    expect(result.finishReason).toBe("stop");
    expect(events.filter((event) => event.type === "finish")).toHaveLength(1);
  });

  it("does not crash on frames without choices at all, and keeps a partial snapshot of a cut-off stream", () => {
    const assembler = new StreamAssembler();
    assembler.push({ id: "chatcmpl-x", choices: null, usage: null });
    assembler.push(chunk([{ index: 0, delta: { content: "Hel" } }]));
    expect(assembler.finished).toBe(false);
    const partial = assembler.snapshot();
    expect(partial).toMatchObject({
      text: "Hel",
      finishReason: undefined,
      usage: undefined,
      id: "chatcmpl-x",
    });
    expect(assembler.chunkCount).toBe(2);
  });

  it("prefers the x-request-id header over the id embedded in the chunk id", () => {
    const { result } = assemble(fixtureChunks("stream-text-with-usage"), "header-request-id");
    expect(result.requestId).toBe("header-request-id");
  });
});
