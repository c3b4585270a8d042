import { describe, expect, it } from "vitest";
import { MockControlError } from "../control-error.js";
import { parseJsonRules } from "./rules.js";

const WHERE = "POST /__mock/faults";

describe("parseJsonRules", () => {
  it("reads a list of rules with data matches", () => {
    const rules = parseJsonRules(
      [
        { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1 }, times: 1 },
        { fault: { type: "missing-usage" }, match: { model: "qwen-plus" } },
      ],
      WHERE,
    );
    expect(rules).toEqual([
      { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1 }, times: 1 },
      { fault: { type: "missing-usage" }, match: { model: "qwen-plus" } },
    ]);
  });

  it.each<[unknown, string]>([
    [{ fault: { type: "missing-usage" } }, "expected a JSON array of rules"],
    [[{ fault: { type: "missing-usage" } }, { fault: { type: "nope" } }], "[1]: unknown fault 'nope'"],
    [
      [{ fault: { type: "chunk-delay", delayMs: -1 } }],
      "delayMs must be a whole number from 0 to 2147483647",
    ],
    [[{ fault: { type: "missing-done" }, times: "1" }], "times must be a whole number of 1 or more"],
    [[{ fault: { type: "missing-done" }, match: { model: 1 } }], "match.model must be a string"],
    [["missing-done"], "a rule is an object"],
  ])("refuses %j, saying where and why", (body, message) => {
    expect(() => parseJsonRules(body, WHERE)).toThrowError(MockControlError);
    expect(() => parseJsonRules(body, WHERE)).toThrowError(message);
  });
});
