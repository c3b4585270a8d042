import { describe, expect, it } from "vitest";
import { RESULT_PREFIX, readResult } from "./child-protocol.js";

describe("readResult", () => {
  it("finds the last result line among other output", () => {
    const stdout = `warming up\n${RESULT_PREFIX}{"a":1}\nnoise\n${RESULT_PREFIX}{"runsMs":[1,2]}\n`;
    expect(readResult(stdout)).toEqual({ runsMs: [1, 2] });
  });

  it("fails when the child printed none", () => {
    expect(() => readResult("crashed before reporting\n")).toThrow("no result line");
  });
});
