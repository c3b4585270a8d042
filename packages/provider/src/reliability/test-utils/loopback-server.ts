import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A plain HTTP server on 127.0.0.1 whose every request is answered by `handler`. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Requests received so far (method and path). */
  readonly requests: readonly { readonly method: string; readonly path: string }[];
  /** Resolves once no response is still being written (the client went away or the handler ended). */
  readonly idle: () => Promise<void>;
}

/**
 * Runs `body` against a fresh server on 127.0.0.1 answering with `handler`; the server and every
 * connection are closed afterwards, whatever the handler is still doing.
 */
export async function withLoopbackServer<T>(
  handler: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
  body: (server: LoopbackServer) => Promise<T>,
): Promise<T> {
  const requests: { method: string; path: string }[] = [];
  let open = 0;
  let wake: (() => void) | undefined;
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", path: request.url ?? "" });
    open += 1;
    response.on("close", () => {
      open -= 1;
      if (open === 0) wake?.();
    });
    Promise.resolve(handler(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const idle = () =>
    open === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          wake = resolve;
        });
  try {
    return await body({ origin: `http://127.0.0.1:${port}`, requests, idle });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Writes `next()` to `response` until it returns `undefined`, the client goes away, or `maxBytes`
 * were written (a bound on the test itself), honouring back-pressure.
 */
export async function writeUntilClosed(
  response: NodeJS.WritableStream & { readonly destroyed: boolean },
  next: () => Uint8Array | string | undefined,
  maxBytes: number,
): Promise<number> {
  let written = 0;
  while (!response.destroyed && written < maxBytes) {
    const piece = next();
    if (piece === undefined) break;
    written += typeof piece === "string" ? Buffer.byteLength(piece) : piece.length;
    if (!response.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          response.off("drain", done);
          response.off("close", done);
          resolve();
        };
        response.on("drain", done);
        response.on("close", done);
      });
    }
  }
  return written;
}
