import { type ProviderErrorBody, parseErrorBody } from "../error-body.js";
import { wireField, wireHeaderValue, wireMessage } from "../errors/wire-text.js";
import { LIMITS } from "../limits.js";
import { BodyUndecodable, isDecodingError } from "../transport-failures.js";
import { Utf8StreamDecoder } from "../utf8-stream-decoder.js";

const noop = () => undefined;

/** The start of a body and how reading it ended. */
interface BodyPrefix {
  readonly text: string;
  /** The read failed (a corrupt compressed body, a dropped connection) after `text`. */
  readonly failure: unknown;
}

/** Reads at most `limit` decoded bytes of `response`'s body, then cancels the rest unread. */
async function readPrefix(response: Response, limit: number): Promise<BodyPrefix> {
  if (response.body === null) return { text: "", failure: undefined };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let failure: unknown;
  try {
    while (total < limit) {
      const read = await reader.read();
      if (read.done) break;
      chunks.push(read.value);
      total += read.value.byteLength;
    }
  } catch (error) {
    failure = error;
  } finally {
    reader.cancel().catch(noop);
  }
  const bytes = new Uint8Array(Math.min(total, limit));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= bytes.length) break;
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  // Without `end()`, a character cut at the limit is left out instead of turning into U+FFFD.
  return { text: new Utf8StreamDecoder().decode(bytes), failure };
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/**
 * An error (non-2xx) response rebuilt so the openai SDK reads it fully and cheaply: the body is
 * read once, at most {@link LIMITS.errorBodyBytes} of it (the rest is cancelled), parsed once
 * (JSON, SSE-framed JSON, or text) and sent on as a small flat JSON envelope with its strings
 * masked and cut. A `request_id` only the body carries becomes `x-request-id`. A body that cannot
 * be decoded, or that breaks off, keeps the status (the kind follows it); an abort is rethrown.
 */
export async function boundedErrorResponse(
  response: Response,
  secrets?: readonly string[],
): Promise<Response> {
  const prefix = await readPrefix(response, LIMITS.errorBodyBytes);
  if (prefix.failure !== undefined && isAbort(prefix.failure)) throw prefix.failure;
  const parsed: ProviderErrorBody =
    prefix.failure !== undefined && isDecodingError(prefix.failure)
      ? { ...parseErrorBody(""), message: new BodyUndecodable(response.status, prefix.failure).message }
      : parseErrorBody(prefix.text);
  const requestId = wireField(parsed.requestId, secrets);
  const envelope = {
    error: {
      message: wireMessage(parsed.message, secrets) ?? null,
      type: wireField(parsed.type, secrets) ?? null,
      param: wireField(parsed.param, secrets) ?? null,
      code: wireField(parsed.code, secrets) ?? null,
    },
    ...(requestId === undefined ? {} : { request_id: requestId }),
  };
  const headers = new Headers(response.headers);
  for (const name of ["content-length", "content-encoding", "transfer-encoding"]) headers.delete(name);
  headers.set("content-type", "application/json");
  if (!headers.has("x-request-id") && requestId !== undefined)
    headers.set("x-request-id", wireHeaderValue(requestId));
  return new Response(JSON.stringify(envelope), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
