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
      "coding-plan-ap-southeast-1",
      "--host",
      "dashscope-cn-beijing",
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
      hosts: ["coding-plan-ap-southeast-1", "dashscope-cn-beijing"],
      features: ["chat"],
      cellTimeoutMs: 5000,
      progress: false,
      requireLive: false,
      userAgent: undefined,
      headers: {},
      help: false,
      version: false,
    });
  });

  it("makes --base-url its own target", () => {
    expect(parseCliArgs(["--base-url", "http://127.0.0.1:4000"])).toMatchObject({
      target: "base-url",
      baseUrl: "http://127.0.0.1:4000",
    });
  });

  it("reads --require-live, --user-agent, --header and --version", () => {
    const options = parseCliArgs([
      "--target",
      "live",
      "--require-live",
      "--user-agent",
      "acme-ci/1.2",
      "--header",
      "X-Team=qa",
      "--header",
      "x-trace: a=b",
      "--version",
    ]);
    expect(options).toMatchObject({
      requireLive: true,
      userAgent: "acme-ci/1.2",
      headers: { "x-team": "qa", "x-trace": "a=b" },
      version: true,
    });
  });

  it.each([
    ["1", true],
    ["true", true],
    ["YES", true],
    ["0", false],
    ["", false],
  ])("reads QWEN_CONFORMANCE_REQUIRE_LIVE=%j as %s for a live run", (value, expected) => {
    const env = { QWEN_CONFORMANCE_REQUIRE_LIVE: value };
    expect(parseCliArgs(["--target", "live"], env).requireLive).toBe(expected);
  });

  it("ignores QWEN_CONFORMANCE_REQUIRE_LIVE for a mock run in the same environment", () => {
    expect(parseCliArgs([], { QWEN_CONFORMANCE_REQUIRE_LIVE: "1" }).requireLive).toBe(false);
  });

  it("takes the User-Agent and headers from the environment; the flags win", () => {
    const env = {
      QWEN_CONFORMANCE_USER_AGENT: "from-env/1",
      QWEN_CONFORMANCE_HEADERS: "x-team=ops,x-note=a%2Cb%3Dc",
    };
    expect(parseCliArgs([], env)).toMatchObject({
      userAgent: "from-env/1",
      headers: { "x-team": "ops", "x-note": "a,b=c" },
    });
    expect(parseCliArgs(["--user-agent", "flag/2", "--header", "x-team=qa"], env)).toMatchObject({
      userAgent: "flag/2",
      headers: { "x-team": "qa", "x-note": "a,b=c" },
    });
  });

  it.each([
    [["--require-live"], {}, /--require-live needs --target live/],
    [["--header", "novalue"], {}, /write it as name=value/],
    [["--header", "bad name=1"], {}, /not a valid header name/],
    [["--header", "Authorization=Bearer x"], {}, /authorization is set by qwenkit from the key variables/],
    [["--header", "x-a=line\u0001"], {}, /contains a control character/],
    [["--user-agent", "a\nb"], {}, /--user-agent contains a control character/],
    [
      [],
      { QWEN_CONFORMANCE_HEADERS: "x-a=%zz" },
      /QWEN_CONFORMANCE_HEADERS: the value of x-a is not percent-encoded/,
    ],
    [
      [],
      { QWEN_CONFORMANCE_HEADERS: "justaname" },
      /QWEN_CONFORMANCE_HEADERS: "justaname" is not name=value/,
    ],
  ])("rejects %j with env %j", (argv, env, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(UsageError);
    expect(() => parseCliArgs(argv, env)).toThrow(message);
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
