import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiKey, maskApiKey } from "./api-key.js";
import { errorOf } from "./test-utils/error-of.js";

const STANDARD = "sk-0123456789abcdef0123456789a1b2";
const CODING = "sk-sp-0123456789abcdef0123456789c3d4";

describe("maskApiKey", () => {
  it.each([
    [STANDARD, "sk-…a1b2"],
    [CODING, "sk-sp-…c3d4"],
    [`  ${STANDARD}\n`, "sk-…a1b2"],
    ["abcdefghijklmnopqrstuvwxyz", "…wxyz"],
    ["sk-short", "…"],
    ["sk-sp-0123456789abcd", "…"],
    ["sk-sp-0123456789abcdef", "sk-sp-…cdef"],
    ["", "…"],
  ])("%j → %s", (key, masked) => {
    expect(maskApiKey(key)).toBe(masked);
  });
});

describe("ApiKey", () => {
  it.each([
    [CODING, "sk-sp-…c3d4", "subscription"],
    [STANDARD, "sk-…a1b2", "standard"],
    ["tok_0123456789abcdef0123456789e5f6", "…e5f6", undefined],
  ])("reveals the trimmed key %s and exposes its mask and kind", (value, masked, kind) => {
    const key = new ApiKey(` ${value} `);
    expect(key.reveal()).toBe(value);
    expect(key.masked).toBe(masked);
    expect(key.kind).toBe(kind);
  });

  it("shows only the masked form through every serializer", () => {
    const key = new ApiKey(STANDARD);
    const outputs = [
      String(key),
      `${key}`,
      JSON.stringify(key),
      JSON.stringify({ key }),
      inspect(key),
      inspect({ nested: { key } }, { depth: 10 }),
      inspect(key, { customInspect: false, showHidden: true }),
      JSON.stringify(structuredClone({ ...key })),
      Object.keys(key).join(","),
    ];
    for (const output of outputs) expect(output).not.toContain(STANDARD);
    expect(JSON.stringify(key)).toBe('"sk-…a1b2"');
    expect(inspect(key)).toBe("ApiKey(sk-…a1b2)");
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["inner space", "sk-abc def"],
    ["newline inside", "sk-abc\ndef"],
    ["non-ASCII", "sk-abcdéf"],
    ["not a string", 123 as unknown as string],
  ])("rejects a bad key (%s) without showing it", (_label, value) => {
    const error = errorOf(() => new ApiKey(value));
    expect(error.kind).toBe("invalid-option");
    if (typeof value === "string" && value.trim() !== "") expect(error.message).not.toContain(value.trim());
  });
});
