/**
 * Fires when nothing happened for `ms` milliseconds: {@link IdleTimeout.touch} (re)starts the
 * wait, {@link IdleTimeout.clear} ends it. A stream's body has no deadline of its own once its
 * headers arrived; this bounds every wait for its next chunk.
 */
export class IdleTimeout {
  readonly #controller = new AbortController();
  readonly #ms: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number) {
    this.#ms = ms;
  }

  /** Aborts (with an `Error` saying how long it waited) when the wait runs out. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the wait ran out. */
  get expired(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Starts the wait again from now. */
  touch(): void {
    clearTimeout(this.#timer);
    if (this.expired) return;
    this.#timer = setTimeout(() => {
      this.#controller.abort(new Error(`the stream sent nothing for ${this.#ms} ms`));
    }, this.#ms);
  }

  /** Stops waiting; the signal never fires afterwards. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
