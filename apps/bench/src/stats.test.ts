import { describe, expect, it } from "vitest";
import { median } from "./stats.js";

describe("median", () => {
  it.each([
    [[7], 7],
    [[3, 1, 2], 2],
    [[10, 1, 4, 2], 3],
    [[5, 5, 100], 5],
  ])("of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder its input and rejects an empty list", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
    expect(() => median([])).toThrow(RangeError);
  });
});
