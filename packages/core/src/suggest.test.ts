import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, suggest } from "./suggest.js";

const MODELS = ["qwen3.5-plus", "qwen3.6-plus", "MiniMax-M2.5", "glm-5", "glm-4.7", "kimi-k2.5"];
const AUTH_CHOICES = ["qwen-standard-api-key", "qwen-standard-api-key-cn", "qwen-api-key", "qwen-api-key-cn"];

describe("suggest", () => {
  it.each([
    ["a case slip", "minimax-m2.5", MODELS, "MiniMax-M2.5"],
    ["a case slip, outer spaces", "  MINIMAX-M2.5 ", MODELS, "MiniMax-M2.5"],
    ["one wrong letter", "qwen-standart-api-key", AUTH_CHOICES, "qwen-standard-api-key"],
    ["one letter missing", "qwen-api-ky", AUTH_CHOICES, "qwen-api-key"],
    ["a short id with two neighbours swapped (one edit)", "qwne", ["qwen", "dashscope"], "qwen"],
    ["two letters swapped", "qwen-api-kye-cn", AUTH_CHOICES, "qwen-api-key-cn"],
    ["the closest wins over an earlier, farther one", "qwen3.6-plsu", MODELS, "qwen3.6-plus"],
    ["the closest wins over a later, farther one", "glm-4", ["glm-5", "glm-4.7"], "glm-5"],
    ["a tie goes to the earlier value", "glm-6", ["glm-5", "glm-4"], "glm-5"],
    ["an alias one letter off", "dashcope", ["qwen", "modelstudio", "qwencloud", "dashscope"], "dashscope"],
  ])("%s: %s -> %s", (_label, input, known, expected) => {
    expect(suggest(input, known)).toBe(expected);
  });

  it.each([
    ["three edits away", "qwen-stndrd-api-ky", AUTH_CHOICES],
    ["a short input close to nothing", "ab", ["qwen"]],
    ["another provider's model", "gpt-5", MODELS],
    ["the input itself is known", "glm-5", MODELS],
    ["blank input", "   ", MODELS],
    ["nothing known", "qwen", []],
  ])("nothing for %s", (_label, input, known) => {
    expect(suggest(input, known)).toBeUndefined();
  });

  it("finds every known value again from its upper- or lower-cased spelling", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS, ...AUTH_CHOICES), fc.boolean(), (value, upper) => {
        const input = upper ? value.toUpperCase() : value.toLowerCase();
        const known = [...MODELS, ...AUTH_CHOICES];
        expect(suggest(input, known)).toBe(input === value ? undefined : value);
      }),
    );
  });

  it("never suggests a value more than two edits away, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const suggestion = suggest(input, AUTH_CHOICES);
        if (suggestion === undefined) return;
        // Two edits change the length by at most two.
        expect(Math.abs(suggestion.length - input.trim().length)).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe("suggest with maxEdits: 0", () => {
  it("matches case only: a near miss is another id, not a typo", () => {
    expect(suggest("minimax-m2.5", MODELS, { maxEdits: 0 })).toBe("MiniMax-M2.5");
    expect(suggest("qwen3.7-plus", MODELS, { maxEdits: 0 })).toBeUndefined();
    expect(suggest("qwen3.7-plus", MODELS)).toBe("qwen3.5-plus");
  });
});

describe("didYouMean", () => {
  it("phrases a suggestion for a message, or says nothing", () => {
    expect(didYouMean("minimax-m2.5", MODELS)).toBe(' Did you mean "MiniMax-M2.5"?');
    expect(didYouMean("gpt-5", MODELS)).toBe("");
  });
});
