import { describe, expect, it } from "vitest";
import { createChatStream } from "./chat-stream.js";
import { localError } from "./errors/local-error.js";
import type { QwenChatResult } from "./result.js";
import type { QwenStreamEvent } from "./stream-events.js";

const RESULT: QwenChatResult = {
  id: "chatcmpl-1",
  requestId: "1",
  model: "m",
  created: 1_764_547_200,
  text: "ab",
  reasoning: "",
  toolCalls: [],
  finishReason: "stop",
  usage: undefined,
  warnings: [],
};
const EVENTS: QwenStreamEvent[] = [
  { type: "text", delta: "a" },
  { type: "text", delta: "b" },
  { type: "finish", finishReason: "stop" },
];

async function collect(iterable: AsyncIterable<QwenStreamEvent>): Promise<QwenStreamEvent[]> {
  const events: QwenStreamEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe("createChatStream", () => {
  it("yields the events as they are produced and resolves the result", async () => {
    const stream = createChatStream(async (emit) => {
      for (const event of EVENTS) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        emit(event);
      }
      return RESULT;
    });
    expect(await collect(stream)).toEqual(EVENTS);
    expect(await stream.result).toBe(RESULT);
  });

  it("buffers events, so iterating after awaiting the result replays them all", async () => {
    const stream = createChatStream(async (emit) => {
      for (const event of EVENTS) emit(event);
      return RESULT;
    });
    await stream.result;
    expect(await collect(stream)).toEqual(EVENTS);
  });

  it("can be iterated only once", async () => {
    const stream = createChatStream(async () => RESULT);
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it("throws the failure after the events that came before it, and rejects the result", async () => {
    const failure = localError("stream-interrupted");
    const stream = createChatStream(async (emit) => {
      emit({ type: "text", delta: "a" });
      throw failure;
    });
    const seen: QwenStreamEvent[] = [];
    await expect(async () => {
      for await (const event of stream) seen.push(event);
    }).rejects.toBe(failure);
    expect(seen).toEqual([{ type: "text", delta: "a" }]);
    await expect(stream.result).rejects.toBe(failure);
  });

  it("signals the producer to stop when the consumer leaves the loop early", async () => {
    let stopped: AbortSignal | undefined;
    const stream = createChatStream(
      (emit, stop) =>
        new Promise<QwenChatResult>((_, reject) => {
          stopped = stop;
          emit({ type: "text", delta: "a" });
          stop.addEventListener("abort", () => reject(localError("aborted")));
        }),
    );
    for await (const _event of stream) break;
    expect(stopped?.aborted).toBe(true);
    await expect(stream.result).rejects.toMatchObject({ kind: "aborted" });
  });

  it("keeps wire order when the reader falls behind and catches up, across thousands of events", async () => {
    const texts = Array.from({ length: 5_000 }, (_, index) => `t${index}`);
    const stream = createChatStream(async (emit) => {
      for (const [index, delta] of texts.entries()) {
        emit({ type: "text", delta });
        // Bursts the reader cannot keep up with, then pauses it drains the queue in.
        if (index % 1_500 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return RESULT;
    });
    const seen: string[] = [];
    for await (const event of stream) {
      if (event.type === "text") seen.push(event.delta);
      if (seen.length % 700 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(seen).toEqual(texts);
  });

  it("answers reads that overlap in the order they were made", async () => {
    let emitLater: ((event: QwenStreamEvent) => void) | undefined;
    let finish: (() => void) | undefined;
    const stream = createChatStream(
      (emit) =>
        new Promise<QwenChatResult>((resolve) => {
          emitLater = emit;
          finish = () => resolve(RESULT);
        }),
    );
    const iterator = stream[Symbol.asyncIterator]();
    const reads = [iterator.next(), iterator.next(), iterator.next()];
    emitLater?.({ type: "text", delta: "a" });
    emitLater?.({ type: "text", delta: "b" });
    finish?.();
    expect(await Promise.all(reads)).toEqual([
      { done: false, value: { type: "text", delta: "a" } },
      { done: false, value: { type: "text", delta: "b" } },
      { done: true, value: undefined },
    ]);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("ends a read that was waiting when the reader returns early", async () => {
    const stream = createChatStream(
      (_, stop) =>
        new Promise<QwenChatResult>((_resolve, reject) => {
          stop.addEventListener("abort", () => reject(localError("aborted")));
        }),
    );
    const iterator = stream[Symbol.asyncIterator]();
    const waiting = iterator.next();
    await iterator.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await expect(stream.result).rejects.toMatchObject({ kind: "aborted" });
  });

  it("does not report a failure nobody awaited as an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      createChatStream(async () => {
        throw localError("connection");
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
