import { describe, expect, it } from "vitest";
import { isHighSurrogate } from "./surrogate.js";

describe("isHighSurrogate", () => {
  it("is true for the first half of a pair only, at both ends of its range", () => {
    expect([0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x41].map(isHighSurrogate)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it("says where a cut would split a character", () => {
    const text = "a😀b"; // a, the pair's two halves, b
    const splitting = [1, 2, 3].filter((cut) => isHighSurrogate(text.charCodeAt(cut - 1)));
    expect(splitting).toEqual([2]);
  });
});
