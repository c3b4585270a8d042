/** The error a wait ends with when its mock is closed. */
export class MockClosedError extends Error {
  override readonly name = "MockClosedError";
  constructor() {
    super("dashscope-mock: the mock was closed while this response waited");
  }
}

/** The waits of one mock, so closing the mock can cancel them all. */
export interface MockTimers {
  /** Resolves after `ms` milliseconds; rejects with {@link MockClosedError} if cleared first. */
  sleep(ms: number): Promise<void>;
  /** Cancels every pending wait (they reject), so no timer keeps the process alive. */
  clear(): void;
  /** Waits not yet over. */
  readonly pending: number;
}

/** A timer registry (plain `setTimeout`, so it also works outside Node). */
export function createTimers(): MockTimers {
  const waits = new Map<ReturnType<typeof setTimeout>, (error: Error) => void>();
  return {
    sleep(ms) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waits.delete(timer);
          resolve();
        }, ms);
        waits.set(timer, reject);
      });
    },
    clear() {
      for (const [timer, reject] of waits) {
        clearTimeout(timer);
        reject(new MockClosedError());
      }
      waits.clear();
    },
    get pending() {
      return waits.size;
    },
  };
}
