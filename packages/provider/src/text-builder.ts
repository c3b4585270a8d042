/** Pieces joined per batch: large enough that batches are few, small enough that a batch is cheap. */
const BATCH = 256;

/**
 * Builds one string from many small pieces (a stream's deltas). `+=` on each piece would keep
 * every piece as a node of a rope (about 60 bytes per delta of a few characters, for as long as
 * the result lives); joining them in batches keeps the text at about its own size.
 */
export class TextBuilder {
  #joined = "";
  readonly #pieces: string[] = [];

  append(piece: string): void {
    this.#pieces.push(piece);
    if (this.#pieces.length === BATCH) this.#join();
  }

  toString(): string {
    if (this.#pieces.length > 0) this.#join();
    return this.#joined;
  }

  #join(): void {
    this.#joined += this.#pieces.join("");
    this.#pieces.length = 0;
  }
}
