import { SSE_DATA_PREFIX, SSE_DONE } from "@qwenkit/core/wire";
import type { FaultPlan } from "./faults/plan.js";

/** One `data:` event. */
export const sseEvent = (data: string): string => `${SSE_DATA_PREFIX}${data}\n\n`;

/** The terminator of a DashScope stream. */
export const DONE_EVENT = sseEvent(SSE_DONE);

const DROP = Symbol("drop-connection");

/**
 * The text of a stream, event by event, with the faults applied: an interruption takes the place of
 * frame number `afterChunks` (counting from 0, usage frame included), or of `[DONE]` when the
 * stream has fewer frames.
 */
function* events(
  frames: Iterable<string>,
  faults: FaultPlan,
  errorJson: () => string,
): Generator<string | typeof DROP> {
  const { interruption } = faults;
  let index = 0;
  const interrupt = function* (event: string): Generator<string | typeof DROP> {
    switch (interruption?.type) {
      case "mid-stream-error":
        yield sseEvent(errorJson());
        return;
      case "drop-connection":
        yield DROP;
        return;
      case "truncated-frame":
        yield event.slice(0, Math.ceil(event.length / 2));
        return;
    }
  };
  for (const frame of frames) {
    const event = sseEvent(frame);
    if (interruption !== undefined && index === interruption.afterChunks) {
      yield* interrupt(event);
      return;
    }
    yield event;
    index++;
  }
  if (interruption !== undefined) {
    yield* interrupt(DONE_EVENT);
    return;
  }
  if (faults["missing-done"] === undefined) yield DONE_EVENT;
  if (faults["duplicate-done"] !== undefined) yield DONE_EVENT;
}

/** The error a dropped connection surfaces as, in-process. */
export class ConnectionDroppedError extends Error {
  override readonly name = "ConnectionDroppedError";
  constructor() {
    super("dashscope-mock: connection dropped (drop-connection fault)");
  }
}

/** Events are batched into writes of about this many characters when there is no chunk delay. */
const BATCH_CHARS = 16 * 1024;
/** Time for frames already written to reach the client before the connection drops. */
const DROP_FLUSH_MS = 5;

/**
 * The SSE body of a stream as a pull-based `ReadableStream`: events are produced only when the
 * consumer asks for more, so a stream of any length needs constant memory. Without a chunk delay,
 * consecutive events share a write of up to ~16 KiB; with one, every event is its own write.
 * `sleep` is the mock's, so closing the mock cancels the waits (the stream then errors).
 */
export function sseBody(
  frames: Iterable<string>,
  faults: FaultPlan,
  errorJson: () => string,
  sleep: (ms: number) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const steps = events(frames, faults, errorJson);
  const delayMs = faults["chunk-delay"]?.delayMs ?? 0;
  let written = 0;
  let dropping = false;
  const drop = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    await sleep(DROP_FLUSH_MS);
    controller.error(new ConnectionDroppedError());
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (dropping) return drop(controller);
      let text = "";
      for (;;) {
        if (delayMs > 0 && written > 0) await sleep(delayMs);
        const next = steps.next();
        if (next.done === true) {
          if (text !== "") controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        if (next.value === DROP) {
          dropping = true;
          break;
        }
        text += next.value;
        written++;
        if (delayMs > 0 || text.length >= BATCH_CHARS) break;
      }
      if (text !== "") controller.enqueue(encoder.encode(text));
      else if (dropping) await drop(controller);
    },
    cancel() {
      steps.return(undefined);
    },
  });
}
