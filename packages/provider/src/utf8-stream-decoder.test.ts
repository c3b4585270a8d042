import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8StreamDecoder } from "./utf8-stream-decoder.js";

/** What a streaming `TextDecoder` makes of the chunks: the reference. */
function streamed(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
}

function decoded(chunks: readonly Uint8Array[]): string {
  const decoder = new Utf8StreamDecoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join("") + decoder.end();
}

/** `bytes` cut at `cuts` (any positions, repeats and empty chunks included). */
function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...cuts.map((point) => point % (bytes.length + 1)), bytes.length].sort((a, b) => a - b);
  let start = 0;
  return points.map((point) => {
    const chunk = bytes.subarray(start, point);
    start = point;
    return chunk;
  });
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Leads of each length and their edges, continuations, bytes that never occur in UTF-8, the BOM's. */
const TELLING_BYTES = [
  0x41, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xbb, 0xf0, 0xf4, 0xf5, 0xff,
];

/** Bytes, often the telling ones. */
const utf8ishBytes = fc
  .array(fc.oneof(fc.constantFrom(...TELLING_BYTES), fc.integer({ min: 0, max: 0xff })), { maxLength: 400 })
  .map((bytes) => Uint8Array.from(bytes));

describe("Utf8StreamDecoder", () => {
  it("decodes any bytes cut anywhere exactly as a streaming TextDecoder does", () => {
    fc.assert(
      fc.property(utf8ishBytes, fc.array(fc.nat(), { maxLength: 40 }), (bytes, cuts) => {
        const chunks = cut(bytes, cuts);
        expect(decoded(chunks)).toBe(streamed(chunks));
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives back any text cut anywhere in its UTF-8, characters split across chunks included", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (text, cuts) => {
          expect(decoded(cut(encode(text), cuts))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("holds a character split one byte at a time until its last byte arrives", () => {
    const decoder = new Utf8StreamDecoder();
    const [a, b, c, d] = encode("😀");
    expect([a, b, c].map((byte) => decoder.decode(Uint8Array.of(byte as number)))).toEqual(["", "", ""]);
    expect(decoder.decode(Uint8Array.of(d as number, 0x21))).toBe("😀!");
    expect(decoder.end()).toBe("");
  });

  it("turns an unfinished character at the end into U+FFFD", () => {
    const decoder = new Utf8StreamDecoder();
    expect(decoder.decode(Uint8Array.of(0x61, 0xe2, 0x82))).toBe("a");
    expect(decoder.end()).toBe("\ufffd");
  });

  it("drops one byte-order mark at the start of the stream, even split, and keeps later ones", () => {
    const decoder = new Utf8StreamDecoder();
    const bom = encode("\ufeff");
    expect(decoder.decode(bom.subarray(0, 2))).toBe("");
    expect(decoder.decode(Uint8Array.of(bom[2] as number, 0x61))).toBe("a");
    expect(decoder.decode(encode("\ufeffb"))).toBe("\ufeffb");
  });
});
