import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBuilder } from "./text-builder.js";

const built = (pieces: readonly string[]): string => {
  const builder = new TextBuilder();
  for (const piece of pieces) builder.append(piece);
  return builder.toString();
};

/** Any UTF-16 code unit: lone surrogates and pairs split across pieces included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
});

describe("TextBuilder", () => {
  it("gives the pieces joined in order, across batch boundaries", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 200, maxLength: 1_200 }), (pieces) => {
        expect(built(pieces)).toBe(pieces.join(""));
      }),
      { numRuns: 50 },
    );
  });

  it("gives back every UTF-16 code unit exactly, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.array(codeUnits, { minLength: 200, maxLength: 1_200 }), (pieces) => {
        expect(built(pieces)).toBe(pieces.join(""));
      }),
      { numRuns: 100 },
    );
  });

  it("keeps a surrogate pair whole when a batch ends between its halves", () => {
    const pieces = [...Array.from({ length: 255 }, () => "a"), "\ud83d", "\ude00", "!"];
    expect(built(pieces)).toBe(`${"a".repeat(255)}😀!`);
  });

  it("keeps text across many blocks, with multi-byte characters at their edges", () => {
    // 3-byte (CJK), 4-byte (emoji) and 2-byte characters, so block ends fall mid-character.
    const pieces = Array.from({ length: 60_000 }, (_, index) =>
      index % 3 === 0 ? "杭州" : index % 3 === 1 ? "🌧️" : "é ",
    );
    expect(built(pieces)).toBe(pieces.join(""));
  });

  it("keeps a U+FEFF at the start of the text and of every block", () => {
    const pieces = Array.from({ length: 40_000 }, () => "\ufeff\ufeff\ufeff");
    const text = built(pieces);
    expect(text.length).toBe(120_000);
    expect(text).toBe("\ufeff".repeat(120_000));
  });

  it("can be read, appended to and read again", () => {
    const builder = new TextBuilder();
    builder.append("Hang");
    expect(builder.toString()).toBe("Hang");
    builder.append("zhou");
    expect(builder.toString()).toBe("Hangzhou");
    for (let index = 0; index < 1_000; index += 1) builder.append(" rain");
    expect(builder.toString()).toBe(`Hangzhou${" rain".repeat(1_000)}`);
    builder.append("\ud800");
    builder.append("!");
    expect(builder.toString()).toBe(`Hangzhou${" rain".repeat(1_000)}\ud800!`);
  });

  it("keeps 100,000 deltas of 450,000 characters", () => {
    const builder = new TextBuilder();
    for (let index = 0; index < 100_000; index += 1) builder.append(index % 2 === 0 ? " the" : " rain");
    const text = builder.toString();
    expect(text.length).toBe(450_000);
    expect(text.startsWith(" the rain the")).toBe(true);
    expect(text.endsWith(" the rain")).toBe(true);
  });
});
