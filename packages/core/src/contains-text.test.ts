import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { containsText } from "./contains-text.js";

const SECRET = "sk-5ecret0in0a0cause0abcdef0a1b2";

function deep(levels: number): unknown {
  let value: unknown = SECRET;
  for (let level = 0; level < levels; level += 1) value = { next: value };
  return value;
}

describe("containsText: what util.inspect could print, without node:util", () => {
  it.each<[string, unknown, boolean]>([
    ["the string itself", `token ${SECRET}`, true],
    ["a clean string", "nothing here", false],
    ["an error's message", new Error(`failed with ${SECRET}`), true],
    ["an error's cause", new Error("outer", { cause: new Error(SECRET) }), true],
    [
      "a plain-object cause (the axios shape)",
      new Error("outer", { cause: { config: { headers: { Authorization: `Bearer ${SECRET}` } } } }),
      true,
    ],
    ["a string cause", new Error("outer", { cause: SECRET }), true],
    ["an AggregateError's errors", new AggregateError([new Error(SECRET)], "many"), true],
    [
      "a non-enumerable property",
      Object.defineProperty({}, "hidden", { value: SECRET, enumerable: false }),
      true,
    ],
    ["a property name", { [SECRET]: 1 }, true],
    ["an array", [1, [2, [SECRET]]], true],
    ["a clean error", new Error("clean", { cause: { code: "ECONNRESET" } }), false],
    ["numbers, null and undefined", [1, null, undefined, true], false],
    [
      "a getter's result (inspect shows [Getter])",
      Object.defineProperty({}, "lazy", { get: () => SECRET, enumerable: true }),
      false,
    ],
    [
      "a cycle",
      (() => {
        const a: Record<string, unknown> = {};
        a.self = a;
        return a;
      })(),
      false,
    ],
    ["a graph too deep to search (answers yes)", deep(20), true],
  ])("%s → %s", (_label, value, expected) => {
    expect(containsText(value, [SECRET])).toBe(expected);
  });

  it("agrees with inspect wherever inspect shows the secret", () => {
    for (const value of [new Error(SECRET), { a: { b: SECRET } }, new AggregateError([new Error(SECRET)])]) {
      expect(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })).toContain(SECRET);
      expect(containsText(value, [SECRET])).toBe(true);
    }
  });

  it("answers yes rather than searching an endless graph", () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`k${index}`, index]));
    expect(containsText(wide, [SECRET])).toBe(true);
  });
});
