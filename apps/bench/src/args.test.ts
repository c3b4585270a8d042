import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args.js";

describe("parseBenchArgs", () => {
  it.each([
    [[], { json: undefined, check: false, help: false }],
    [["--json", "out.json"], { json: "out.json", check: false, help: false }],
    [["--json=out.json", "--check"], { json: "out.json", check: true, help: false }],
    [["-h"], { json: undefined, check: false, help: true }],
  ])("reads %j", (argv, expected) => {
    expect(parseBenchArgs(argv)).toEqual(expected);
  });

  it.each([[["--repeat", "3"]], [["extra"]], [["--json"]], [["--json="]]])("rejects %j", (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow();
  });
});
