/**
 * Called with each complete record's `data` (its `data:` lines joined by `\n`) and `event` name;
 * returning `true` stops decoding (the rest of the text is dropped).
 */
export type SseRecordHandler = (data: string, event: string | null) => boolean;

/**
 * Decodes server-sent-event text into records the way the openai SDK's decoder does (lines end
 * in `\n`, `\r\n` or `\r`; a blank line ends a record; `data:` lines are joined by `\n`; `:`
 * comments and other fields are skipped), but synchronously and without copying bytes: a
 * network read's worth of text is decoded in one call, however many records it holds.
 */
export class SseDecoder {
  #rest = "";
  /** The previous text ended in `\r`; a `\n` starting the next one belongs to that line ending. */
  #skipLineFeed = false;
  #event: string | null = null;
  #data: string[] = [];
  #stopped = false;

  /** Decodes `text`; `true` once a handler asked to stop. */
  push(text: string, onRecord: SseRecordHandler): boolean {
    if (this.#stopped) return true;
    let buffer = this.#rest === "" ? text : this.#rest + text;
    if (this.#skipLineFeed && buffer.charCodeAt(0) === 10) buffer = buffer.slice(1);
    this.#skipLineFeed = false;
    const hasCarriageReturn = buffer.includes("\r");
    let start = 0;
    for (;;) {
      const end = hasCarriageReturn ? lineEnd(buffer, start) : buffer.indexOf("\n", start);
      if (end === -1) break;
      const crlf = buffer.charCodeAt(end) === 13 && buffer.charCodeAt(end + 1) === 10;
      if (buffer.charCodeAt(end) === 13 && end === buffer.length - 1) this.#skipLineFeed = true;
      if (this.#line(buffer, start, end, onRecord)) {
        this.#stopped = true;
        this.#rest = "";
        return true;
      }
      start = end + (crlf ? 2 : 1);
    }
    this.#rest = buffer.slice(start);
    return false;
  }

  /** The end of the text: an unterminated last line and record count as complete. */
  flush(onRecord: SseRecordHandler): boolean {
    if (this.#stopped) return true;
    const rest = this.#rest;
    this.#rest = "";
    this.#skipLineFeed = false;
    this.#stopped = (rest !== "" && this.#line(rest, 0, rest.length, onRecord)) || this.#dispatch(onRecord);
    return this.#stopped;
  }

  #line(buffer: string, start: number, end: number, onRecord: SseRecordHandler): boolean {
    if (start === end) return this.#dispatch(onRecord);
    const first = buffer.charCodeAt(start);
    if (first === 58) return false; // ":" starts a comment
    const colon = buffer.indexOf(":", start);
    const nameEnd = colon === -1 || colon > end ? end : colon;
    let valueStart = nameEnd === end ? end : nameEnd + 1;
    if (buffer.charCodeAt(valueStart) === 32 && valueStart < end) valueStart += 1;
    const name = buffer.slice(start, nameEnd);
    if (name === "data") this.#data.push(buffer.slice(valueStart, end));
    else if (name === "event") this.#event = buffer.slice(valueStart, end);
    return false;
  }

  #dispatch(onRecord: SseRecordHandler): boolean {
    const data = this.#data;
    const event = this.#event;
    if (!event && data.length === 0) return false;
    this.#data = [];
    this.#event = null;
    return onRecord(data.length === 1 ? (data[0] as string) : data.join("\n"), event);
  }
}

/** The index of the next `\r` or `\n` at or after `from`, or -1. */
function lineEnd(text: string, from: number): number {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  if (cr === -1) return lf;
  if (lf === -1) return cr;
  return Math.min(cr, lf);
}
