import { describe, expect, it } from "vitest";
import { normalizeUsage } from "./usage.js";

describe("normalizeUsage", () => {
  it.each([
    ["null (every chunk before the usage frame)", null],
    ["undefined", undefined],
    ["a number", 42],
    ["an object without completion_tokens", { prompt_tokens: 3 }],
    ["negative counts", { prompt_tokens: -1, completion_tokens: 2 }],
    ["counts as strings", { prompt_tokens: "3", completion_tokens: "2" }],
  ])("returns undefined for %s", (_, raw) => {
    expect(normalizeUsage(raw)).toBeUndefined();
  });

  it("reads every field DashScope sends, including explicit cache and reasoning details", () => {
    expect(
      normalizeUsage({
        prompt_tokens: 1200,
        completion_tokens: 844,
        total_tokens: 2044,
        prompt_tokens_details: { cached_tokens: 1000, cache_creation_input_tokens: 150 },
        completion_tokens_details: { reasoning_tokens: 798, text_tokens: 844 },
      }),
    ).toEqual({
      inputTokens: 1200,
      outputTokens: 844,
      totalTokens: 2044,
      cachedInputTokens: 1000,
      cacheCreationInputTokens: 150,
      reasoningTokens: 798,
    });
  });

  it("leaves unreported details undefined and computes a missing total", () => {
    expect(normalizeUsage({ prompt_tokens: 22, completion_tokens: 17 })).toEqual({
      inputTokens: 22,
      outputTokens: 17,
      totalTokens: 39,
      cachedInputTokens: undefined,
      cacheCreationInputTokens: undefined,
      reasoningTokens: undefined,
    });
  });

  it("keeps a reported zero as zero", () => {
    const usage = normalizeUsage({
      prompt_tokens: 5,
      completion_tokens: 0,
      prompt_tokens_details: { cached_tokens: 0 },
    });
    expect(usage?.outputTokens).toBe(0);
    expect(usage?.cachedInputTokens).toBe(0);
  });
});
