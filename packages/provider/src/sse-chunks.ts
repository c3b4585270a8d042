import { type DashScopeChunk, type Received, SSE_DONE } from "@qwenkit/core/wire";
import { APIError } from "openai";
import { SseDecoder } from "./sse-decoder.js";
import { BodyUndecodable, isDecodingError } from "./transport-failures.js";
import { Utf8StreamDecoder } from "./utf8-stream-decoder.js";

/** What {@link readSseChunks} reports while it reads. */
export interface SseChunkHandlers {
  /** Each parsed `chat.completion.chunk` frame, in wire order. */
  readonly onChunk: (chunk: Received<DashScopeChunk>) => void;
  /** Bytes arrived (comments and keep-alives included): the stream is alive. */
  readonly onBytes: () => void;
}

const noop = () => undefined;

/**
 * The reason the body is cancelled with once `[DONE]` arrived: the `AbortError` fetch would
 * make without one, made once, since building one per stream (its stack trace) was a visible
 * part of a short request's cost.
 */
const READ_TO_DONE = new DOMException("The stream was read to [DONE].", "AbortError");

/**
 * Reads a streamed chat completion's SSE body as the openai SDK's `Stream` does — frames up to
 * `data: [DONE]` (what follows is dropped and the body cancelled), `data: {"error": …}` and
 * `event: error` frames thrown as the SDK's `APIError`, a frame that is not JSON thrown as the
 * SDK's `SyntaxError` — without its four async generators per frame: one `read()` per network
 * chunk, and every frame in it parsed and handed to `onChunk` synchronously. A body that ends
 * without `[DONE]` just ends (the caller decides whether the stream was complete); a failed or
 * aborted read rejects with the fetch error, a corrupt compressed body with `BodyUndecodable`, a
 * line or event past its limit with `ResponseTooLarge` (the body is cancelled in every case).
 */
export async function readSseChunks(response: Response, handlers: SseChunkHandlers): Promise<void> {
  if (response.body === null) throw new Error("Attempted to iterate over a response with no body");
  const reader = response.body.getReader();
  const text = new Utf8StreamDecoder();
  const sse = new SseDecoder();
  const onRecord = (data: string, event: string | null): boolean => {
    if (data === SSE_DONE) return true;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      throw new SyntaxError("Error reading response: malformed server-sent event JSON.");
    }
    const record =
      typeof frame === "object" && frame !== null ? (frame as Record<string, unknown>) : undefined;
    // The SDK's own mid-stream errors, so they are classified as they always were.
    if (event === "error") {
      throw new APIError(
        undefined,
        (record?.error ?? frame) as object | undefined,
        undefined,
        response.headers,
      );
    }
    if (record?.error) throw new APIError(undefined, record.error as object, undefined, response.headers);
    // Objects only: the Assistants API's `thread.*` events never come on a chat stream.
    if (record !== undefined && !event?.startsWith("thread."))
      handlers.onChunk(record as Received<DashScopeChunk>);
    return false;
  };
  let stopped = false;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) break;
      handlers.onBytes();
      stopped = sse.push(text.decode(read.value), onRecord);
      if (stopped) break;
    }
    if (!stopped && !sse.push(text.end(), onRecord)) sse.flush(onRecord);
  } catch (error) {
    reader.cancel(error).catch(noop);
    // A corrupt compressed body is not a dropped connection: say so, with the response's status.
    throw isDecodingError(error) ? new BodyUndecodable(response.status, error) : error;
  } finally {
    // The reader is not released: nothing reads this body after it.
    if (stopped) reader.cancel(READ_TO_DONE).catch(noop);
  }
}
