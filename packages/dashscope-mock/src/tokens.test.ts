import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { promptTokens, textTokens, utf8Length } from "./tokens.js";

describe("tokens", () => {
  it("measures UTF-8 like Buffer.byteLength", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
    expect(utf8Length("杭州市")).toBe(9);
  });

  it("counts a token per four bytes, rounded up", () => {
    expect([textTokens(""), textTokens("abcd"), textTokens("abcde"), textTokens("杭州市")]).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it("counts the JSON of the messages, plus the tools when present", () => {
    const messages = [{ role: "user", content: "Hello" }];
    const tools = [{ type: "function", function: { name: "f" } }];
    expect(promptTokens(messages, undefined)).toBe(Math.ceil(JSON.stringify(messages).length / 4));
    expect(promptTokens(messages, tools)).toBe(
      Math.ceil(JSON.stringify(messages).length / 4) + Math.ceil(JSON.stringify(tools).length / 4),
    );
  });
});
