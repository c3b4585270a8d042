import { LIMITS } from "./limits.js";
import { ResponseTooLarge } from "./transport-failures.js";

/**
 * Called with each complete record's `data` (its `data:` lines joined by `\n`) and `event` name;
 * returning `true` stops decoding (the rest of the text is dropped).
 */
export type SseRecordHandler = (data: string, event: string | null) => boolean;

/** The bounds a decoder enforces; default {@link LIMITS}. */
export interface SseDecoderLimits {
  readonly maxLineLength: number;
  readonly maxRecordLength: number;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

/**
 * Decodes server-sent-event text into records the way the openai SDK's decoder does (lines end
 * in `\n`, `\r\n` or `\r`; a blank line ends a record; `data:` lines are joined by `\n`; `:`
 * comments and other fields are skipped), but synchronously: a network read's worth of text is
 * decoded in one call, however many records it holds.
 *
 * Linear and bounded: each character is scanned once (an unfinished line is kept as pieces and
 * joined once, when it ends), and a line or a record longer than its limit throws
 * {@link ResponseTooLarge} as soon as the limit is passed, before it is buffered further.
 */
export class SseDecoder {
  readonly #maxLine: number;
  readonly #maxRecord: number;
  /** The unfinished last line, in the pieces it arrived in. */
  #pending: string[] = [];
  #pendingLength = 0;
  /** The previous text ended in `\r`; a `\n` starting the next one belongs to that line ending. */
  #skipLineFeed = false;
  #event: string | null = null;
  #data: string[] = [];
  /** Length of the record's data so far, joining newlines included. */
  #dataLength = 0;
  #stopped = false;

  constructor(
    limits: SseDecoderLimits = {
      maxLineLength: LIMITS.sseLineLength,
      maxRecordLength: LIMITS.sseRecordLength,
    },
  ) {
    this.#maxLine = limits.maxLineLength;
    this.#maxRecord = limits.maxRecordLength;
  }

  /**
   * Decodes `text`; `true` once a handler asked to stop.
   *
   * @throws {@link ResponseTooLarge} when a line or record passes its limit (and whatever a handler throws)
   */
  push(text: string, onRecord: SseRecordHandler): boolean {
    if (this.#stopped) return true;
    if (text.length === 0) return false;
    let start = 0;
    if (this.#skipLineFeed && text.charCodeAt(0) === LF) start = 1;
    this.#skipLineFeed = false;
    // Next line feed and carriage return at or after `start`; each index only moves forward.
    let lf = text.indexOf("\n", start);
    let cr = text.indexOf("\r", start);
    for (;;) {
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      if (end === -1) break;
      // The fast path, for the text DashScope sends (LF only, one `data:` line per event): the
      // line is a whole event on its own, so its value is handed over as one slice of the text,
      // without the per-line bookkeeping below. Any other shape takes the general path.
      if (
        cr === -1 &&
        text.charCodeAt(end + 1) === LF &&
        this.#pendingLength === 0 &&
        this.#data.length === 0 &&
        this.#event === null &&
        text.startsWith("data:", start)
      ) {
        const valueStart = start + 5 < end && text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
        if (end - valueStart > this.#maxRecord) throw new ResponseTooLarge("sseRecordLength");
        if (onRecord(text.slice(valueStart, end), null)) {
          this.#stopped = true;
          return true;
        }
        start = end + 2;
        lf = text.indexOf("\n", start);
        continue;
      }
      if (this.#lineEnds(text, start, end, onRecord)) {
        this.#stopped = true;
        return true;
      }
      if (text.charCodeAt(end) === CR) {
        if (end + 1 === text.length) this.#skipLineFeed = true;
        start = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
      if (lf !== -1 && lf < start) lf = text.indexOf("\n", start);
      if (cr !== -1 && cr < start) cr = text.indexOf("\r", start);
    }
    if (start < text.length) this.#keep(detachedTail(text, start));
    return false;
  }

  /**
   * The end of the text: an unterminated last line and record count as complete.
   *
   * @throws {@link ResponseTooLarge} as {@link SseDecoder.push} does
   */
  flush(onRecord: SseRecordHandler): boolean {
    if (this.#stopped) return true;
    this.#skipLineFeed = false;
    const stopped =
      (this.#pendingLength > 0 && this.#lineEnds("", 0, 0, onRecord)) || this.#dispatch(onRecord);
    this.#stopped = stopped;
    return stopped;
  }

  /** Keeps the start of an unfinished line, failing once it is longer than a line may be. */
  #keep(piece: string): void {
    this.#pendingLength += piece.length;
    if (this.#pendingLength > this.#maxLine) throw new ResponseTooLarge("sseLineLength");
    this.#pending.push(piece);
  }

  /** A line ended at `end` of `text`: it is the pending pieces plus `text[start, end)`. */
  #lineEnds(text: string, start: number, end: number, onRecord: SseRecordHandler): boolean {
    if (this.#pendingLength === 0) return this.#line(text, start, end, onRecord);
    if (this.#pendingLength + (end - start) > this.#maxLine) throw new ResponseTooLarge("sseLineLength");
    this.#pending.push(text.slice(start, end));
    const line = this.#pending.join("");
    this.#pending = [];
    this.#pendingLength = 0;
    return this.#line(line, 0, line.length, onRecord);
  }

  #line(buffer: string, start: number, end: number, onRecord: SseRecordHandler): boolean {
    if (start === end) return this.#dispatch(onRecord);
    if (buffer.charCodeAt(start) === COLON) return false; // a comment
    const colon = buffer.indexOf(":", start);
    const nameEnd = colon === -1 || colon > end ? end : colon;
    let valueStart = nameEnd === end ? end : nameEnd + 1;
    if (valueStart < end && buffer.charCodeAt(valueStart) === SPACE) valueStart += 1;
    const nameLength = nameEnd - start;
    if (nameLength === 4 && buffer.startsWith("data", start)) {
      this.#dataLength += end - valueStart + (this.#data.length > 0 ? 1 : 0);
      if (this.#dataLength > this.#maxRecord) throw new ResponseTooLarge("sseRecordLength");
      this.#data.push(buffer.slice(valueStart, end));
    } else if (nameLength === 5 && buffer.startsWith("event", start)) {
      this.#event = buffer.slice(valueStart, end);
    }
    return false;
  }

  #dispatch(onRecord: SseRecordHandler): boolean {
    const data = this.#data;
    const event = this.#event;
    if (!event && data.length === 0) return false;
    this.#data = [];
    this.#dataLength = 0;
    this.#event = null;
    return onRecord(data.length === 1 ? (data[0] as string) : data.join("\n"), event);
  }
}

/**
 * `text` from `start` on, as a string of its own. A slice would share `text`'s characters (V8
 * keeps the whole of it alive for the slice): the unfinished last line of a network read would
 * hold that read's entire text until the next read, long enough to survive into the old
 * generation on a fast stream.
 */
function detachedTail(text: string, start: number): string {
  return start === 0 ? text : `${text.slice(start)} `.slice(0, -1);
}
