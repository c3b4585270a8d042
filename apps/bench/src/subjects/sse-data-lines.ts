/**
 * The floors' SSE reading: split text into lines and pick out `data:` payloads, nothing more. It
 * counts the frames before `[DONE]`, keeps the last one (the usage frame) and hands each payload
 * to `onFrame` (the parse floor's `JSON.parse`; the split floor passes none).
 */
export class SseDataLines {
  readonly #onFrame: ((payload: string) => void) | undefined;
  #rest = "";
  #frames = 0;
  #last: string | undefined;
  #done = false;

  constructor(onFrame?: (payload: string) => void) {
    this.#onFrame = onFrame;
  }

  /** `data:` frames before `[DONE]`. */
  get frames(): number {
    return this.#frames;
  }

  /** The payload of the last frame before `[DONE]`. */
  get last(): string | undefined {
    return this.#last;
  }

  /** Whether `data: [DONE]` arrived. */
  get done(): boolean {
    return this.#done;
  }

  /** Adds decoded text; a line split across pushes is joined. */
  push(text: string): void {
    const buffer = this.#rest === "" ? text : this.#rest + text;
    let start = 0;
    for (let end = buffer.indexOf("\n"); end !== -1; end = buffer.indexOf("\n", start)) {
      if (!this.#done && buffer.startsWith("data:", start)) this.#data(buffer, start + 5, end);
      start = end + 1;
    }
    this.#rest = buffer.slice(start);
  }

  #data(buffer: string, from: number, to: number): void {
    const begin = buffer.charCodeAt(from) === 32 ? from + 1 : from;
    const end = buffer.charCodeAt(to - 1) === 13 ? to - 1 : to;
    const payload = buffer.slice(begin, end);
    if (payload === "[DONE]") {
      this.#done = true;
      return;
    }
    this.#frames += 1;
    this.#last = payload;
    this.#onFrame?.(payload);
  }
}
