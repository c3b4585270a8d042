import { describe, expect, it } from "vitest";
import { FrameTally } from "./frame-tally.js";

describe("FrameTally", () => {
  it("counts content chunks and tool-call fragments, and reads usage from the usage frame", () => {
    const tally = new FrameTally();
    for (const frame of [
      { choices: [{ delta: { role: "assistant", content: "" } }] },
      { choices: [{ delta: { content: "Hi" } }] },
      { choices: [{ delta: { tool_calls: [{ index: 0 }, { index: 1 }] } }] },
      { choices: [{ delta: {}, finish_reason: "stop" }], usage: null },
      { choices: [], usage: { completion_tokens: 7 } },
    ]) {
      tally.add(JSON.stringify(frame));
    }
    expect([tally.deltas, tally.outputTokens]).toEqual([3, 7]);
  });

  it("throws on a frame that is not JSON", () => {
    expect(() => new FrameTally().add('{"choices":')).toThrow(SyntaxError);
  });
});
