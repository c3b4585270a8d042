import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { type ProviderErrorBody, parseErrorBody, readErrorEnvelope } from "../error-body.js";
import {
  BodyUndecodable,
  isDecodingError,
  isHeadersOverflow,
  RedirectRefused,
  ResponseTooLarge,
  type TransportFailure,
} from "../transport-failures.js";
import { classifyProviderError } from "./classify.js";
import type { QwenErrorContext } from "./context.js";
import { localError } from "./local-error.js";
import { QwenApiError } from "./qwen-api-error.js";

/** Where in a call an error happened: before the first chunk, or while streaming. */
export type ErrorPhase = "request" | "stream";

/**
 * Turns anything a call can throw (openai SDK errors, fetch failures, qwenkit's own transport
 * failures, malformed frames) into a {@link QwenApiError}, classified by what happened: a
 * response keeps its status, a corrupt compressed body is not a dropped connection. A
 * `QwenApiError` is returned as it is.
 */
export function toQwenApiError(
  error: unknown,
  context: QwenErrorContext = {},
  phase: ErrorPhase = "request",
): QwenApiError {
  if (error instanceof QwenApiError) return error;
  if (error instanceof APIUserAbortError) return localError("aborted", context, error.cause ?? error);
  if (error instanceof APIConnectionTimeoutError) return localError("timeout", context, error);
  // The SDK wraps whatever its fetch threw, qwenkit's own failures included.
  const failure = error instanceof APIConnectionError && error.cause !== undefined ? error.cause : error;
  if (failure instanceof QwenApiError) return failure;
  if (failure instanceof ResponseTooLarge)
    return localError("response-too-large", context, undefined, facts(failure));
  if (failure instanceof RedirectRefused) return localError("redirect", context, undefined, facts(failure));
  if (failure instanceof BodyUndecodable)
    return localError("undecodable-response", context, failure.cause, facts(failure));
  if (isDecodingError(failure)) return localError("undecodable-response", context, failure);
  if (isHeadersOverflow(failure)) {
    return localError("response-too-large", context, failure, {
      detail: "the response headers are larger than the runtime reads",
    });
  }
  if (error instanceof APIConnectionError) {
    return localError(phase === "stream" ? "stream-interrupted" : "connection", context, failure);
  }
  if (error instanceof APIError) {
    return classifyProviderError(
      { status: error.status, body: sdkErrorBody(error), headers: error.headers },
      context,
    );
  }
  if (isAbortError(error)) return localError("aborted", context, error);
  if (phase === "stream") return localError("stream-interrupted", context, error);
  return localError(error instanceof SyntaxError ? "malformed-response" : "connection", context, error);
}

const facts = (failure: TransportFailure) => ({
  status: failure.status,
  detail: failure.message,
});

function sdkErrorBody(error: APIError): ProviderErrorBody {
  if (error.error !== undefined) return readErrorEnvelope(error.error);
  // A body that is not JSON (e.g. SSE-framed, without qwenkit's fetch) reaches the SDK error only as its message, "<status> <body>".
  const prefix = error.status === undefined ? "" : `${error.status} `;
  const raw = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return parseErrorBody(raw);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "APIUserAbortError");
}
