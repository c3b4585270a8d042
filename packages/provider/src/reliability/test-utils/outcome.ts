import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { QwenChatStream } from "../../chat-stream.js";
import { QwenApiError } from "../../errors/qwen-api-error.js";
import type { QwenChatResult } from "../../result.js";
import type { QwenStreamEvent } from "../../stream-events.js";

/** How a stream ended: every event it yielded, then its result or its typed error. */
export interface StreamOutcome {
  readonly events: readonly QwenStreamEvent[];
  readonly result: QwenChatResult | undefined;
  readonly error: QwenApiError | undefined;
  readonly elapsedMs: number;
}

/**
 * Reads `stream` to its end, within `limitMs` (a hang fails the test instead of stalling it).
 * Any failure that is not a `QwenApiError` fails the test, and `stream.result` must settle as
 * the iterator did (the same error object, or a result). `onEvent` may stop reading (`"break"`).
 */
export async function runStream(
  stream: QwenChatStream,
  limitMs: number,
  onEvent: (event: QwenStreamEvent, events: readonly QwenStreamEvent[]) => "break" | undefined = () =>
    undefined,
): Promise<StreamOutcome> {
  const started = performance.now();
  const read = async (): Promise<StreamOutcome> => {
    const events: QwenStreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of stream) {
        events.push(event);
        if (onEvent(event, events) === "break") break;
      }
    } catch (caught) {
      error = caught;
    }
    const settled = await stream.result.then(
      (result) => ({ result, error: undefined }),
      (failure: unknown) => ({ result: undefined, error: failure }),
    );
    if (error !== undefined) expect(settled.error).toBe(error);
    const failure = settled.error;
    if (failure !== undefined && !(failure instanceof QwenApiError)) {
      throw new Error(`the stream failed with an untyped error: ${String(failure)}`, { cause: failure });
    }
    return { events, ...settled, error: failure, elapsedMs: performance.now() - started };
  };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the stream did not end within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([read(), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The text the caller saw, from the events. */
export const textOf = (events: readonly QwenStreamEvent[]): string =>
  events.map((event) => (event.type === "text" ? event.delta : "")).join("");

/** How many events of `type` the caller saw. */
export const countOf = (events: readonly QwenStreamEvent[], type: QwenStreamEvent["type"]): number =>
  events.filter((event) => event.type === type).length;

/**
 * Fails the suite's tests on any unhandled promise rejection: a listener on `process` for the
 * whole file, checked after each test once pending rejections had a macrotask to surface.
 */
export function failOnUnhandledRejections(): void {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  beforeAll(() => {
    process.on("unhandledRejection", listener);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen, "unhandled rejections").toEqual([]);
  });
  afterAll(() => {
    process.off("unhandledRejection", listener);
  });
}
