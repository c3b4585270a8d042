import { describe, expect, it } from "vitest";
import { checkOutcome } from "./outcome-check.js";
import type { StreamShape } from "./workloads.js";

const text: StreamShape = { type: "text", chunks: 20 };
const toolCall: StreamShape = { type: "tool-call", argumentsBytes: 200 };

describe("checkOutcome", () => {
  it.each([
    ["every chunk and usage", text, { deltas: 20, outputTokens: 20 }],
    ["a subject that does not count deltas", text, { deltas: undefined, outputTokens: 20 }],
    // 200 bytes: `{"location":` then 188 characters in 64-character pieces; (11 + 200) / 4 tokens.
    ["every tool-call fragment", toolCall, { deltas: 4, outputTokens: 53 }],
  ])("accepts %s", (_, shape, outcome) => {
    expect(() => checkOutcome("subject", shape, outcome)).not.toThrow();
  });

  it.each([
    ["a missed chunk", text, { deltas: 19, outputTokens: 20 }, "19 deltas delivered, the response had 20"],
    ["missing usage", text, { deltas: 20, outputTokens: undefined }, "usage says undefined output tokens"],
    ["wrong usage", toolCall, { deltas: 4, outputTokens: 50 }, "expected 53"],
  ])("rejects %s", (_, shape, outcome, message) => {
    expect(() => checkOutcome("subject", shape, outcome)).toThrow(message);
  });
});
