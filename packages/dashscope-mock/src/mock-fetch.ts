import { ConnectionDroppedError } from "./sse-body.js";

/** A `fetch` with the signature of the global one. */
export type MockFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Rejects when `signal` aborts; `dispose` stops listening. */
function aborted(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    dispose = () => signal.removeEventListener("abort", onAbort);
  });
  return { promise, dispose };
}

/** The body of `response`, erroring with the abort reason when `signal` aborts, as fetch's bodies do. */
function abortableBody(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let onAbort = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onAbort = () => {
          controller.error(signal.reason);
          reader.cancel(signal.reason).catch(() => undefined);
        };
        signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (signal.aborted) return;
          if (done) {
            signal.removeEventListener("abort", onAbort);
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          signal.removeEventListener("abort", onAbort);
          controller.error(error);
        }
      },
      cancel(reason) {
        signal.removeEventListener("abort", onAbort);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A `fetch` answered by `handle` alone: nothing is patched and no request can leave the process,
 * on any runtime. It behaves as fetch does where clients look: an aborted signal rejects the call
 * (or errors the body once it has started), and a dropped connection rejects with a `TypeError`.
 */
export function mockFetch(handle: (request: Request) => Promise<Response>): MockFetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const abort = aborted(signal);
    let response: Response;
    try {
      response = await Promise.race([handle(request), abort.promise]);
    } finally {
      abort.dispose();
    }
    if (response.type === "error")
      throw new TypeError("fetch failed", { cause: new ConnectionDroppedError() });
    if (response.body === null) return response;
    return new Response(abortableBody(response.body, signal), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
