/**
 * Largest request body the mock reads by default: 16 MiB, far above any prompt a model accepts
 * (a 1,000,000-token context is about 4 MB of text), so only a runaway or hostile client meets it.
 */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

/** A request body above the mock's limit; the mock answers 413. */
export class RequestBodyTooLargeError extends Error {
  override readonly name = "RequestBodyTooLargeError";
  constructor(readonly limit: number) {
    super(`dashscope-mock: the request body is larger than ${limit} bytes`);
  }
}

/** Checks a `maxRequestBodyBytes` option. */
export function checkBodyLimit(value: number | undefined, where: string): number {
  if (value === undefined) return DEFAULT_MAX_REQUEST_BODY_BYTES;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `${where}: maxRequestBodyBytes must be a whole number of 0 or more, got ${String(value)}`,
    );
  }
  return value;
}

/** What a request body is read from: a WHATWG body stream when there is one, else `text()`. */
export interface BodySource {
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/**
 * Reads a request body as UTF-8, counting bytes as they arrive and stopping (the rest is cancelled)
 * as soon as there are more than `limit`. A `content-length` above the limit fails before reading.
 * @throws {@link RequestBodyTooLargeError}
 */
export async function readRequestBody(request: BodySource, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    throw new RequestBodyTooLargeError(limit);
  }
  const stream = request.body;
  if (stream === undefined || stream === null) return request.text();
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RequestBodyTooLargeError(limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}
