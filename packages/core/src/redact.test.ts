import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QwenConfigError } from "./errors.js";
import { looksLikeKey, maskCredential, redactError, redactSecrets, redactValue } from "./redact.js";

const KEY = "sk-0123456789abcdef0123456789abcdef";
const MASKED = "sk-…cdef";
const OPAQUE = "Opaque0Token0Without0Prefix0e5f6";

/** Every rendering a user or a log can produce. */
const renderings = (value: unknown): string[] => [
  inspect(value, { depth: Number.POSITIVE_INFINITY }),
  inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  String(value),
  (() => {
    try {
      return JSON.stringify(value) ?? "";
    } catch (error) {
      return String(error);
    }
  })(),
];

const expectClean = (value: unknown, ...secrets: string[]) => {
  for (const text of renderings(value)) for (const secret of secrets) expect(text).not.toContain(secret);
};

describe("looksLikeKey and redactSecrets", () => {
  it.each([
    [`Bearer ${KEY}`, true],
    ["sk-sp-0123456789abcdef0123456789ab", true],
    ["SK-0123456789ABCDEF", true],
    ["sk-…cdef", false],
    ["task-management-service", false],
    ["sk-short", false],
  ])("%s looks like a key: %s", (text, expected) => {
    expect(looksLikeKey(text)).toBe(expected);
  });

  it("masks given secrets in every spelling, and key-shaped tokens", () => {
    const secret = 'Opaque"Token/With+Chars0e5f6';
    const text = `a ${secret} b ${JSON.stringify(secret)} c ${encodeURIComponent(secret)} d ${KEY}`;
    const out = redactSecrets(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toContain(MASKED);
  });

  it.each([
    ["a field shorter than any secret", "stop", [KEY]],
    ["a secret longer than the text", "chatcmpl-0123", [KEY]],
    ["no secrets and nothing key-shaped", "qwen3-coder-plus", []],
  ])("returns %s as it is", (_, text, secrets) => {
    expect(redactSecrets(text, secrets)).toBe(text);
  });

  it("is idempotent and never shows a key it was given", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const once = redactSecrets(`${before}${KEY}${after}`, [KEY]);
        expect(once).not.toContain(KEY);
        expect(redactSecrets(once, [KEY])).toBe(once);
      }),
    );
  });

  it("masks a credential whole, keeping the scheme", () => {
    expect(maskCredential(`Bearer ${OPAQUE}`)).toBe("Bearer …e5f6");
    expect(maskCredential(KEY)).toBe(MASKED);
  });
});

describe("redactError", () => {
  it("returns an error without secrets as it is", () => {
    const error = Object.assign(new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") }), {
      code: "E",
    });
    expect(redactError(error, [KEY])).toBe(error);
  });

  it("masks message, stack and fields along the cause chain, keeping classes and codes", () => {
    const inner = Object.assign(new Error(`proxy refused Bearer ${KEY}`), { code: "EPROXY", errno: -1 });
    const redacted = redactError(new TypeError("fetch failed", { cause: inner }), [KEY]);
    expectClean(redacted, KEY);
    expect(redacted).toBeInstanceOf(TypeError);
    expect(redacted.cause).toMatchObject({
      code: "EPROXY",
      errno: -1,
      message: `proxy refused Bearer ${MASKED}`,
    });
  });

  it("masks the axios / got shape: the key in config.headers, in a class instance, under any name", () => {
    class AxiosHeaders {
      Authorization = `Bearer ${OPAQUE}`;
      Accept = "application/json";
    }
    class AxiosError extends Error {
      override name = "AxiosError";
      config = {
        url: "https://dashscope.aliyuncs.com",
        headers: new AxiosHeaders(),
        auth: { password: OPAQUE },
      };
      request = { _header: `POST / HTTP/1.1\r\nauthorization: Bearer ${KEY}\r\n` };
      response = { headers: new Headers({ "set-cookie": `session=${OPAQUE}` }) };
    }
    const redacted = redactError(new AxiosError("Request failed with status code 401"), [KEY, OPAQUE]);
    expectClean(redacted, KEY, OPAQUE);
    expect(redacted.name).toBe("AxiosError");
    expect(redacted).toBeInstanceOf(Error);
    expect(redacted).toMatchObject({
      message: "Request failed with status code 401",
      config: { headers: { Authorization: "Bearer …e5f6", Accept: "application/json" } },
    });
  });

  it("masks a key it was not told about, by its shape or by where it sits", () => {
    const error = new Error("failed", {
      cause: { headers: { authorization: `Bearer ${OPAQUE}` }, echoed: KEY },
    });
    expectClean(redactError(error), KEY, OPAQUE);
  });

  it.each([
    ["a plain-object cause", () => new Error("x", { cause: { detail: `key=${KEY}` } })],
    ["a string cause", () => new Error("x", { cause: `Bearer ${KEY}` })],
    ["an AggregateError", () => new AggregateError([new Error(`a ${KEY}`), { b: KEY }, KEY], "all failed")],
    ["a Map and a Set", () => new Error("x", { cause: { map: new Map([["k", KEY]]), set: new Set([KEY]) } })],
    ["a buffer", () => Object.assign(new Error("x"), { body: Buffer.from(`{"key":"${KEY}"}`) })],
    [
      "a URL with userinfo",
      () => Object.assign(new Error("x"), { url: new URL(`https://u:${KEY}@h.example/${KEY}`) }),
    ],
    [
      "a symbol-free class with a custom inspect",
      () =>
        Object.assign(new Error("x"), {
          thing: new (class {
            [inspect.custom] = () => KEY;
          })(),
        }),
    ],
  ])("masks %s", (_, make) => {
    const redacted = redactError(make(), [KEY]);
    expectClean(redacted, KEY);
  });

  it("keeps an AggregateError's errors and a cycle, and survives a deep or huge graph", () => {
    const cyclic = new Error(`loop ${KEY}`) as Error & { self?: unknown };
    cyclic.self = cyclic;
    const loop = redactError(cyclic, [KEY]) as Error & { self?: unknown };
    expect(loop.self).toBe(loop);
    expectClean(loop, KEY);

    let deep: Record<string, unknown> = { key: KEY };
    for (let level = 0; level < 10_000; level += 1) deep = { next: deep };
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, KEY]));
    // Bounded walks: an unbounded one would overflow the stack on "deep" or crawl through "wide".
    expectClean(redactError(new Error("deep", { cause: deep }), [KEY]), KEY);
    expectClean(redactError(new Error("wide", { cause: wide }), [KEY]), KEY);

    const aggregate = redactError(new AggregateError([new Error(`one ${KEY}`)], "many"), [KEY]);
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect((aggregate as AggregateError).errors[0]).toMatchObject({ message: `one ${MASKED}` });
  });

  it("keeps a QwenConfigError's class, kind and hint", () => {
    const error = new QwenConfigError("invalid-option", `bad ${KEY}`, `hint ${KEY}`, {
      cause: new Error(KEY),
    });
    const redacted = redactError(error, [KEY]);
    expect(redacted).toBeInstanceOf(QwenConfigError);
    expect(redacted).toMatchObject({
      kind: "invalid-option",
      message: `bad ${MASKED}`,
      hint: `hint ${MASKED}`,
    });
    expectClean(redacted, KEY);
  });

  it("redactValue leaves clean plain data as it is", () => {
    const data = { a: [1, "two", { three: null }] };
    expect(redactValue(data, [KEY])).toBe(data);
  });
});
