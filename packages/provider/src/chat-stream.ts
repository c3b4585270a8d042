import type { QwenChatResult } from "./result.js";
import type { QwenStreamEvent } from "./stream-events.js";

/**
 * A streaming chat call: iterate it for events, await {@link QwenChatStream.result} for the
 * aggregate, or both.
 *
 * - The request starts when the stream is created. Events are buffered until read, so iterating
 *   after awaiting `result` replays every event; the stream can be iterated once.
 * - `result` resolves when the stream finished normally (usage `undefined` if none came), and
 *   rejects with a `QwenApiError` otherwise; for a failure after the first chunk the error's
 *   `partial` holds everything that arrived. The iterator throws the same error after yielding
 *   the events that came before it.
 * - Leaving a `for await` loop early (`break`, `return`, a throw) aborts the request; `result`
 *   then rejects with kind `aborted` (and `partial`). So does the `signal` of the call options.
 *
 * @example
 * ```ts
 * const stream = qwen.stream({ messages: [{ role: "user", content: "Hi" }] });
 * for await (const event of stream) if (event.type === "text") process.stdout.write(event.delta);
 * const { usage } = await stream.result;
 * ```
 */
export interface QwenChatStream extends AsyncIterable<QwenStreamEvent> {
  /** The aggregated result; see {@link QwenChatStream}. */
  readonly result: Promise<QwenChatResult>;
}

/** Produces a stream's events through `emit` and resolves with its result; stops when `stop` aborts. */
export type StreamProducer = (
  emit: (event: QwenStreamEvent) => void,
  stop: AbortSignal,
) => Promise<QwenChatResult>;

/** Runs `produce` at once and exposes its events as a single-use async iterable. */
export function createChatStream(produce: StreamProducer): QwenChatStream {
  return new BufferedChatStream(produce);
}

type Step = IteratorResult<QwenStreamEvent, undefined>;

const DONE: Step = Object.freeze({ done: true, value: undefined });

/** Consumed slots are dropped once at least this many lead the queue and they are its larger part. */
const COMPACT_AFTER = 1024;

interface Waiter {
  readonly resolve: (step: Step) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Every token of every stream passes through here, so the iterator is written by hand rather than
 * as an async generator: an event for a reader that is already waiting settles that reader's
 * `next()` directly (one promise per event, none for the hand-off), and a read event leaves the
 * queue at once, so a long stream that is read as it arrives holds no events.
 */
class BufferedChatStream implements QwenChatStream {
  readonly result: Promise<QwenChatResult>;
  #queue: (QwenStreamEvent | undefined)[] = [];
  #head = 0;
  readonly #waiters: Waiter[] = [];
  readonly #stop = new AbortController();
  #settled = false;
  #failure: { readonly error: unknown } | undefined;
  #iterated = false;
  #closed = false;

  constructor(produce: StreamProducer) {
    this.result = produce((event) => this.#emit(event), this.#stop.signal).then(
      (result) => {
        this.#settle(undefined);
        return result;
      },
      (error: unknown) => {
        this.#settle({ error });
        throw error;
      },
    );
    // The failure also reaches the caller through the iterator; do not report it as unhandled.
    this.result.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<QwenStreamEvent, undefined> {
    if (this.#iterated) {
      throw new TypeError("A QwenChatStream can be iterated only once; await .result for the aggregate.");
    }
    this.#iterated = true;
    return {
      next: () => this.#next(),
      return: () => this.#return(),
    };
  }

  #emit(event: QwenStreamEvent): void {
    if (this.#closed) return;
    const waiter = this.#waiters.shift();
    if (waiter === undefined) this.#queue.push(event);
    else waiter.resolve({ done: false, value: event });
  }

  #next(): Promise<Step> {
    if (this.#head < this.#queue.length) return Promise.resolve({ done: false, value: this.#take() });
    if (this.#closed) return Promise.resolve(DONE);
    if (this.#settled) return this.#finish();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
    });
  }

  #take(): QwenStreamEvent {
    const event = this.#queue[this.#head] as QwenStreamEvent;
    this.#queue[this.#head] = undefined;
    this.#head += 1;
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    } else if (this.#head >= COMPACT_AFTER && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return event;
  }

  /** The end of the iteration once the queue is empty: done, or the failure (thrown once). */
  #finish(): Promise<Step> {
    this.#closed = true;
    return this.#failure === undefined ? Promise.resolve(DONE) : Promise.reject(this.#failure.error);
  }

  /** The reader left the loop (`break`, `return`, a throw): stop the producer unless it is done. */
  #return(): Promise<Step> {
    this.#closed = true;
    this.#queue = [];
    this.#head = 0;
    if (!this.#settled) this.#stop.abort();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve(DONE);
    return Promise.resolve(DONE);
  }

  #settle(failure: { readonly error: unknown } | undefined): void {
    this.#settled = true;
    this.#failure = failure;
    // Waiters exist only while the queue is empty: the first gets the end of the stream.
    for (const waiter of this.#waiters.splice(0)) {
      if (this.#closed || failure === undefined) waiter.resolve(DONE);
      else waiter.reject(failure.error);
      this.#closed = true;
    }
  }
}
