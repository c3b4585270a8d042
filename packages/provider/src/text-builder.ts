import { isHighSurrogate } from "@qwenkit/core/internal";
import { decodeUtf8 } from "./utf8-stream-decoder.js";

/** Pieces joined per batch: large enough that batches are few, small enough that a batch is cheap. */
const BATCH = 256;
/** Size of each block the text's UTF-8 is kept in, outside the JavaScript heap. */
const BLOCK_BYTES = 64 * 1024;
/** A surrogate code unit that is not half of a pair: UTF-8 cannot hold it (it would become U+FFFD). */
const LONE_SURROGATE = /\p{Cs}/u;

const encoder = new TextEncoder();

/**
 * Builds one string from many small pieces (a stream's deltas), in linear time and at about the
 * text's own size: `+=` on each piece would keep every piece as a node of a rope (about 60 bytes
 * per delta of a few characters).
 *
 * Pieces are joined in batches, and each batch is kept as UTF-8 in blocks outside the JavaScript
 * heap, then decoded once when the text is read. On the heap, text that lives as long as the
 * stream is copied by every young-generation GC it survives, and once those copies add up to the
 * young generation's size V8 doubles it: a 1,000,000-chunk stream grew the process by 16 MB more
 * for that alone. A batch UTF-8 cannot hold exactly (a lone surrogate) stays a string, in order.
 */
export class TextBuilder {
  readonly #pieces: string[] = [];
  /** What was batched, in order: finished stretches of blocks, and batches kept as strings. */
  readonly #parts: (Uint8Array | string)[] = [];
  #block: Uint8Array | undefined;
  /** Where the current block's unfinished stretch starts, and how much of the block is written. */
  #start = 0;
  #used = 0;

  append(piece: string): void {
    this.#pieces.push(piece);
    if (this.#pieces.length === BATCH) this.#batch();
  }

  toString(): string {
    const tail = this.#pieces.join("");
    if (this.#parts.length === 0 && this.#block === undefined) return tail;
    // A U+FEFF that starts a block is text, not a byte-order mark: decodeUtf8 keeps it.
    let text = "";
    for (const part of this.#parts) text += typeof part === "string" ? part : decodeUtf8(part);
    if (this.#block !== undefined) text += decodeUtf8(this.#block.subarray(this.#start, this.#used));
    return text + tail;
  }

  #batch(): void {
    let batch = this.#pieces.join("");
    this.#pieces.length = 0;
    // A pair split across batches is joined in the next one.
    if (isHighSurrogate(batch.charCodeAt(batch.length - 1))) {
      this.#pieces.push(batch.slice(-1));
      batch = batch.slice(0, -1);
    }
    if (batch.length === 0) return;
    if (LONE_SURROGATE.test(batch)) {
      this.#finishStretch();
      this.#parts.push(batch);
      return;
    }
    if (this.#block === undefined) this.#newBlock();
    for (;;) {
      const block = this.#block as Uint8Array;
      const { read, written } = encoder.encodeInto(batch, block.subarray(this.#used));
      this.#used += written;
      if (read === batch.length) return;
      // Only whole characters are written: the rest goes into a new block.
      batch = batch.slice(read);
      this.#newBlock();
    }
  }

  #newBlock(): void {
    this.#finishStretch();
    this.#block = new Uint8Array(BLOCK_BYTES);
    this.#start = 0;
    this.#used = 0;
  }

  /** Closes the current block's stretch, so that whatever comes next is kept after it. */
  #finishStretch(): void {
    if (this.#block === undefined || this.#used === this.#start) return;
    this.#parts.push(this.#block.subarray(this.#start, this.#used));
    this.#start = this.#used;
  }
}
