/** Decodes without `stream`, so it keeps no state between calls and one serves every caller. */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Whole UTF-8 bytes to text: U+FFFD for bad bytes, and a leading U+FEFF kept (it is text here; a
 * stream drops its byte-order mark once, in {@link Utf8StreamDecoder}).
 */
export const decodeUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

const BOM = 0xfeff;

/** How many bytes the UTF-8 sequence this byte starts has; 0 for a byte that starts none. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte < 0xc2) return 0; // a continuation byte, or C0 / C1, which never start a sequence
  if (byte < 0xe0) return 2;
  if (byte < 0xf0) return 3;
  return byte < 0xf5 ? 4 : 0;
}

/**
 * Where `bytes` stops ending on a boundary: the start of an unfinished sequence at its end (a
 * later chunk may finish it), else its length. A sequence has at most 4 bytes, so an unfinished
 * one starts among the last 3.
 */
function boundary(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let index = length - 1; index >= 0 && index >= length - 3; index -= 1) {
    const byte = bytes[index] as number;
    if ((byte & 0xc0) === 0x80) continue;
    return sequenceLength(byte) > length - index ? index : length;
  }
  return length;
}

/**
 * UTF-8 bytes in chunks to text, as `new TextDecoder().decode(chunk, { stream: true })` decodes
 * them (the same text, U+FFFD for bad bytes, one leading byte-order mark dropped), several times
 * faster: a streaming `TextDecoder` keeps a converter that, in Node.js, decodes about 8× slower
 * than a `TextDecoder` without `stream`.
 *
 * Each chunk is decoded whole up to its last complete character; an unfinished character at its
 * end (at most 3 bytes) is kept and decoded with the next chunk. The decoder is in its start
 * state before any byte that does not continue a sequence, so cutting there gives the text a
 * streaming decoder gives.
 */
export class Utf8StreamDecoder {
  /** The unfinished character the last chunk ended with. */
  #held: Uint8Array | undefined;
  #started = false;

  /** The text of `chunk`, and of the unfinished character the previous chunk ended with. */
  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.#held !== undefined) {
      // Rare: only when a network read ends inside a character.
      bytes = new Uint8Array(this.#held.length + chunk.length);
      bytes.set(this.#held);
      bytes.set(chunk, this.#held.length);
      this.#held = undefined;
    }
    const end = boundary(bytes);
    if (end === bytes.length) return this.#text(bytes);
    // A copy: a view would keep the whole chunk alive until the next one.
    this.#held = bytes.slice(end);
    return this.#text(bytes.subarray(0, end));
  }

  /** The end of the bytes: an unfinished character left over becomes U+FFFD. */
  end(): string {
    const held = this.#held;
    this.#held = undefined;
    return held === undefined ? "" : this.#text(held);
  }

  #text(bytes: Uint8Array): string {
    if (bytes.length === 0) return "";
    const text = decodeUtf8(bytes);
    if (this.#started) return text;
    // Every byte decodes to at least one character: the text's first is the stream's first.
    this.#started = true;
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  }
}
