import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HeaderError, parseHeaderArgument, parseHeaderList } from "./headers.js";

describe("parseHeaderArgument", () => {
  it.each([
    ["x-team=qa", ["x-team", "qa"]],
    ["X-Team: qa", ["x-team", "qa"]],
    ["x-query=a=b", ["x-query", "a=b"]],
    ["x-empty=", ["x-empty", ""]],
    ["x-tab=a\tb", ["x-tab", "a\tb"]],
  ])("%j -> %j", (text, expected) => {
    expect(parseHeaderArgument(text)).toEqual(expected);
  });

  it.each([
    "Authorization=Bearer sk-x",
    "host=evil.example",
    "Content-Length=3",
    "=value",
    "x y=1",
    "x-a=\r\n",
  ])("refuses %j", (text) => {
    expect(() => parseHeaderArgument(text)).toThrow(HeaderError);
  });

  it("never returns a header that could split the request, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (name, value) => {
        let header: [string, string] | undefined;
        try {
          header = parseHeaderArgument(`${name}=${value}`);
        } catch (error) {
          expect(error).toBeInstanceOf(HeaderError);
          return;
        }
        expect(header[0]).toMatch(/^[!#$%&'*+.^_`|~0-9a-z-]+$/);
        expect(header[1]).not.toMatch(/[\r\n\0]/);
      }),
    );
  });
});

describe("parseHeaderList", () => {
  it("reads comma-separated, percent-encoded pairs, skipping empty ones", () => {
    expect(parseHeaderList("x-a=1, x-b=a%2Cb ,,", "ENV")).toEqual([
      ["x-a", "1"],
      ["x-b", "a,b"],
    ]);
    expect(parseHeaderList("", "ENV")).toEqual([]);
  });
});
