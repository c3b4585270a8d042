import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./args.js";

describe("parseCliArgs", () => {
  it("defaults to the embedded mock", () => {
    expect(parseCliArgs([])).toMatchObject({
      target: "mock",
      baseUrl: undefined,
      cellTimeoutMs: 30_000,
      progress: true,
    });
  });

  it("reads every option", () => {
    const options = parseCliArgs([
      "--target",
      "live",
      "--json",
      "out.json",
      "--junit",
      "out.xml",
      "--host",
      "coding-global",
      "--host",
      "standard-china",
      "--feature",
      "chat",
      "--timeout",
      "5000",
      "--no-progress",
    ]);
    expect(options).toEqual({
      target: "live",
      baseUrl: undefined,
      json: "out.json",
      junit: "out.xml",
      hosts: ["coding-global", "standard-china"],
      features: ["chat"],
      cellTimeoutMs: 5000,
      progress: false,
      help: false,
    });
  });

  it("makes --base-url its own target", () => {
    expect(parseCliArgs(["--base-url", "http://127.0.0.1:4000"])).toMatchObject({
      target: "base-url",
      baseUrl: "http://127.0.0.1:4000",
    });
  });

  it.each([
    [["--target", "prod"], /--target must be "mock" or "live"/],
    [["--target", "live", "--base-url", "http://127.0.0.1:1"], /exclusive/],
    [["--timeout", "soon"], /--timeout must be a positive whole number/],
    [["--timeout", "0"], /--timeout must be a positive whole number/],
    [["--colour"], /Unknown option '--colour'/],
    [["stray"], /Unexpected argument 'stray'|positional/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
