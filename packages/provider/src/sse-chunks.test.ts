import type { DashScopeChunk, Received } from "@qwenkit/core/wire";
import { APIError } from "openai";
import { describe, expect, it } from "vitest";
import { readSseChunks } from "./sse-chunks.js";

type WireChunk = Received<DashScopeChunk>;

const encoder = new TextEncoder();

/** A response whose body delivers `pieces` one read each, then ends (or fails with `failure`). */
function sseResponse(pieces: readonly string[], failure?: Error) {
  let next = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next];
      next += 1;
      if (piece !== undefined) controller.enqueue(encoder.encode(piece));
      else if (failure) controller.error(failure);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(body, { headers: { "x-request-id": "req-1" } });
  return { response, cancelled: () => cancelled };
}

async function read(pieces: readonly string[], failure?: Error) {
  const { response, cancelled } = sseResponse(pieces, failure);
  const chunks: WireChunk[] = [];
  let reads = 0;
  const outcome = await readSseChunks(response, {
    onChunk: (chunk) => chunks.push(chunk),
    onBytes: () => {
      reads += 1;
    },
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
  return { chunks, reads, error: outcome, cancelled: cancelled() };
}

describe("readSseChunks", () => {
  it("hands over every frame up to [DONE], drops the rest and cancels the body", async () => {
    const { chunks, reads, error, cancelled } = await read([
      'data: {"id":"a"}\n\ndata: {"id":"b"}\n',
      '\ndata: [DONE]\n\ndata: {"id":"late"}\n\n',
      'data: {"id":"later"}\n\n',
    ]);
    expect(error).toBeUndefined();
    expect(chunks).toEqual([{ id: "a" }, { id: "b" }]);
    expect(reads).toBe(2);
    expect(cancelled).toBe(true);
  });

  it("ends quietly with a body that stops without [DONE], its last frame unterminated", async () => {
    const { chunks, error } = await read(['data: {"id":"a"}\n\ndata: {"id":"b"}']);
    expect(error).toBeUndefined();
    expect(chunks).toEqual([{ id: "a" }, { id: "b" }]);
  });

  it.each([
    ["a data: {error} frame", 'data: {"error":{"code":"internal_error","message":"boom"}}\n\n'],
    ["an event: error frame", 'event: error\ndata: {"error":{"code":"internal_error","message":"boom"}}\n\n'],
  ])("throws %s as the SDK's APIError, with the frame's error and the response headers", async (_, frame) => {
    const { chunks, error } = await read(['data: {"id":"a"}\n\n', frame]);
    expect(chunks).toEqual([{ id: "a" }]);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).error).toEqual({ code: "internal_error", message: "boom" });
    expect((error as APIError).headers?.get("x-request-id")).toBe("req-1");
  });

  it("throws a frame that is not JSON as the SDK's SyntaxError, and cancels the body", async () => {
    const { error, cancelled } = await read(['data: {"id":"a"}\n\ndata: {"id":\n\n', 'data: {"id":"b"}\n\n']);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toBe("Error reading response: malformed server-sent event JSON.");
    expect(cancelled).toBe(true);
  });

  it("rejects with the body's own failure (a dropped connection)", async () => {
    const dropped = new TypeError("terminated");
    const { chunks, error } = await read(['data: {"id":"a"}\n\n'], dropped);
    expect(chunks).toEqual([{ id: "a" }]);
    expect(error).toBe(dropped);
  });

  it("skips frames that are not objects, and reads UTF-8 split across reads", async () => {
    const bytes = encoder.encode('data: 42\n\ndata: {"text":"杭州"}\n\n');
    const cut = bytes.indexOf(0xe6) + 1; // inside 杭
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const chunks: WireChunk[] = [];
    await readSseChunks(new Response(body), {
      onChunk: (chunk) => chunks.push(chunk),
      onBytes: () => undefined,
    });
    expect(chunks).toEqual([{ text: "杭州" }]);
  });
});
