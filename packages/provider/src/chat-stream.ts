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

class BufferedChatStream implements QwenChatStream {
  readonly result: Promise<QwenChatResult>;
  readonly #buffer: QwenStreamEvent[] = [];
  readonly #stop = new AbortController();
  #settled = false;
  #failure: { readonly error: unknown } | undefined;
  #wake: (() => void) | undefined;
  #iterated = false;

  constructor(produce: StreamProducer) {
    const emit = (event: QwenStreamEvent) => {
      this.#buffer.push(event);
      this.#notify();
    };
    this.result = produce(emit, this.#stop.signal).then(
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

  [Symbol.asyncIterator](): AsyncIterator<QwenStreamEvent> {
    if (this.#iterated) {
      throw new TypeError("A QwenChatStream can be iterated only once; await .result for the aggregate.");
    }
    this.#iterated = true;
    return this.#events();
  }

  async *#events(): AsyncGenerator<QwenStreamEvent, void, undefined> {
    let next = 0;
    try {
      while (true) {
        const event = this.#buffer[next];
        if (event !== undefined) {
          next += 1;
          yield event;
          continue;
        }
        if (this.#settled) {
          if (this.#failure) throw this.#failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
      }
    } finally {
      if (!this.#settled) this.#stop.abort();
    }
  }

  #settle(failure: { readonly error: unknown } | undefined): void {
    this.#settled = true;
    this.#failure = failure;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
