import { describe, expect, it } from "vitest";
import { StreamAssembler } from "../stream-assembler.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";

failOnUnhandledRejections();

const encoder = new TextEncoder();

/** A chunk whose delta carries `toolCalls`, in DashScope's shape. */
const chunk = (toolCalls: readonly Record<string, unknown>[], finishReason: string | null = null) => ({
  id: "chatcmpl-0b9f079d-c440-9fc5-b179-8f576ad653a8",
  object: "chat.completion.chunk",
  model: "qwen-plus",
  choices: [{ index: 0, delta: { content: null, tool_calls: toolCalls }, finish_reason: finishReason }],
  usage: null,
});

/** `count` tool calls, each a first fragment with its own id and a follow-up, none with an `index`. */
function indexlessCalls(count: number): Record<string, unknown>[][] {
  const frames: Record<string, unknown>[][] = [];
  for (let call = 0; call < count; call += 1) {
    frames.push([{ id: `call_${call}`, type: "function", function: { name: "f", arguments: '{"n":' } }]);
    frames.push([{ id: `call_${call}`, type: "function", function: { arguments: `${call}}` } }]);
  }
  return frames;
}

describe("tool-call deltas without an index", () => {
  // The quadratic join took 26 s on this input: the test's own timeout (20 s) catches it coming back;
  // how fast the linear one is, is pnpm bench's figure, not a test's.
  it("20,000 calls (40,000 fragments, ids repeated) assemble, each fragment joining its call", () => {
    const assembler = new StreamAssembler();
    for (const calls of indexlessCalls(20_000)) assembler.push(chunk(calls));
    const finished = assembler.push(chunk([], "tool_calls"));
    const result = assembler.snapshot();
    expect(result.toolCalls).toHaveLength(20_000);
    expect(result.toolCalls[19_999]).toMatchObject({
      index: 19_999,
      id: "call_19999",
      parsed: { ok: true, value: { n: 19_999 } },
    });
    expect(finished.filter((event) => event.type === "tool-call")).toHaveLength(20_000);
  });

  it("200,000 calls in one frame complete without a stack overflow", () => {
    const assembler = new StreamAssembler();
    const calls = Array.from({ length: 200_000 }, (_, call) => ({
      id: `call_${call}`,
      function: { name: "f", arguments: "{}" },
    }));
    expect(() => assembler.push(chunk(calls, "tool_calls"))).not.toThrow();
    expect(assembler.snapshot().toolCalls).toHaveLength(200_000);
  });

  it("through the provider: 10,000 index-less calls in 20,000 frames, before the 5 s hang limit", async () => {
    const frames = [...indexlessCalls(10_000).map((calls) => chunk(calls)), chunk([], "tool_calls")];
    const body = encoder.encode(
      `${frames.map((frame) => `data: ${JSON.stringify(frame)}\n\n`).join("")}data: [DONE]\n\n`,
    );
    const fetch = scriptedFetch([{ pieces: [body] }]);
    const outcome = await runStream(
      craftedProvider(fetch).stream({ messages: [{ role: "user", content: "call" }] }),
      5_000,
    );
    expect(outcome.result?.toolCalls).toHaveLength(10_000);
    expect(outcome.result?.finishReason).toBe("tool_calls");
  });

  it("a follow-up fragment with an empty id still joins the call before it", () => {
    const assembler = new StreamAssembler();
    assembler.push(chunk([{ id: "call_a", function: { name: "a", arguments: '{"x":' } }]));
    assembler.push(chunk([{ id: "", function: { arguments: "1}" } }]));
    assembler.push(chunk([{ id: "call_b", function: { name: "b", arguments: "{}" } }]));
    assembler.push(chunk([{ index: 7, id: "call_c", function: { name: "c", arguments: "{}" } }]));
    assembler.push(chunk([{ id: "call_d", function: { name: "d", arguments: "{}" } }]));
    expect(assembler.snapshot().toolCalls.map((call) => [call.index, call.id, call.arguments])).toEqual([
      [0, "call_a", '{"x":1}'],
      [1, "call_b", "{}"],
      [7, "call_c", "{}"],
      [8, "call_d", "{}"],
    ]);
  });
});
