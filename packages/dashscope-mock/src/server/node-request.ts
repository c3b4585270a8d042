import type { IncomingMessage } from "node:http";
import type { MockHttpRequest } from "../mock-handler.js";
import { RequestBodyTooLargeError } from "../request-body.js";

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;

/**
 * Reads a Node request body as UTF-8, counting bytes as they arrive: past `limit` it stops keeping
 * them (the rest is read and dropped, so the client can still get the 413) and rejects at once.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off("data", onData);
      request.off("end", onEnd);
      chunks.length = 0;
      request.resume();
      reject(new RequestBodyTooLargeError(limit));
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", reject);
  });
}

/** The request as the mock reads it, over Node's `IncomingMessage` (body read at most once, bounded). */
export function toMockRequest(request: IncomingMessage, origin: string, bodyLimit: number): MockHttpRequest {
  const target = request.url ?? "/";
  return {
    method: request.method ?? "GET",
    url: target.startsWith("/") ? `${origin}${target}` : target,
    headers: {
      get: (name) => headerValue(request.headers[name.toLowerCase()]),
      forEach(callback) {
        for (const [name, value] of Object.entries(request.headers)) {
          const text = headerValue(value);
          if (text !== null) callback(text, name);
        }
      },
    },
    text: () => readBody(request, bodyLimit),
  };
}
