/**
 * Fires when nothing happened for `ms` milliseconds: {@link IdleTimeout.touch} (re)starts the
 * wait, {@link IdleTimeout.clear} ends it. A stream's body has no deadline of its own once its
 * headers arrived; this bounds every wait for its next chunk.
 *
 * `touch` runs for every chunk, so it only notes the time: the one timer, when it fires, checks
 * how long ago the last touch was and waits out the rest instead of being reset per chunk. It
 * calls `onExpire` rather than owning an `AbortSignal`: the request's own controller is aborted
 * directly, with no second controller and listener per request.
 */
export class IdleTimeout {
  readonly #ms: number;
  readonly #onExpire: (reason: Error) => void;
  #timer: NodeJS.Timeout | undefined;
  #touchedAt = 0;
  #reason: Error | undefined;

  /** @param onExpire - called once, with an `Error` saying how long it waited, when the wait runs out */
  constructor(ms: number, onExpire: (reason: Error) => void) {
    this.#ms = ms;
    this.#onExpire = onExpire;
  }

  /** Whether the wait ran out. */
  get expired(): boolean {
    return this.#reason !== undefined;
  }

  /** Why the wait ran out (an `Error` saying how long it waited), once it has. */
  get reason(): Error | undefined {
    return this.#reason;
  }

  /** Starts the wait again from now. */
  touch(): void {
    if (this.expired) return;
    this.#touchedAt = performance.now();
    if (this.#timer === undefined) this.#wait(this.#ms);
  }

  /** Stops waiting; the signal never fires afterwards. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #wait(ms: number): void {
    this.#timer = setTimeout(() => {
      const idleMs = performance.now() - this.#touchedAt;
      if (idleMs < this.#ms) {
        this.#wait(this.#ms - idleMs);
        return;
      }
      this.#timer = undefined;
      this.#reason = new Error(`the stream sent nothing for ${this.#ms} ms`);
      this.#onExpire(this.#reason);
    }, ms);
  }
}
