import { APICallError } from "@ai-sdk/provider";
import {
  isQwenApiError,
  type QuotaWindow,
  type QwenApiError,
  type QwenApiErrorKind,
} from "@qwenkit/provider";

/**
 * What qwenkit knows about a failed call, on `APICallError.data`: the stable `kind` to switch on,
 * the one-line `hint`, and the request id to quote to Alibaba Cloud support.
 */
export interface QwenErrorData {
  readonly kind: QwenApiErrorKind;
  readonly hint: string;
  readonly requestId: string | undefined;
  /** DashScope's error code (`invalid_api_key`, `Arrearage`, `limit_requests`, …), when sent. */
  readonly code: string | undefined;
  /** The request parameter the error is about, when DashScope names one. */
  readonly param: string | undefined;
  /** How long the server asked to wait (`retry-after`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** For `plan-quota`: which subscription window ran out. */
  readonly quotaWindow: QuotaWindow | undefined;
}

/** The request an error belongs to: where it went and the body qwenkit sent (never the key). */
export interface FailedCall {
  readonly url: string;
  readonly body: unknown;
  readonly abortSignal: AbortSignal | undefined;
}

/**
 * Turns a failure of a qwenkit call into what the AI SDK expects: an `APICallError` whose
 * `isRetryable` is qwenkit's verdict for the error's kind, `data` the {@link QwenErrorData} and
 * `cause` the `QwenApiError` itself; the caller's abort as the signal's own reason (what `fetch`
 * throws), so the AI SDK sees an abort, not an API failure. Anything else is returned as it is.
 */
export function toAiSdkError(error: unknown, call: FailedCall): unknown {
  if (!isQwenApiError(error)) return error;
  if (error.kind === "aborted" && call.abortSignal?.aborted) return call.abortSignal.reason;
  return new APICallError({
    message: error.message,
    url: call.url,
    requestBodyValues: call.body,
    ...(error.status === undefined ? {} : { statusCode: error.status }),
    // Masked by qwenkit; the AI SDK's retries read retry-after from them.
    ...(error.headers === undefined ? {} : { responseHeaders: Object.fromEntries(error.headers) }),
    isRetryable: error.retryable,
    data: {
      kind: error.kind,
      hint: error.hint,
      requestId: error.requestId,
      code: error.code,
      param: error.param,
      retryAfterMs: error.retryAfterMs,
      quotaWindow: error.quotaWindow,
    } satisfies QwenErrorData,
    cause: error,
  });
}

// The AI SDK wraps errors (RetryError.lastError, APICallError.cause); a few levels always suffice.
const MAX_WRAPPING_DEPTH = 8;

/**
 * The `QwenApiError` behind an error the AI SDK raised: `APICallError.cause`, or the last error
 * of a `RetryError` (after the AI SDK's own retries), however deep. `undefined` when there is none.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model: qwen("qwen3.5-plus"), prompt: "Hi" });
 * } catch (error) {
 *   const qwenError = qwenApiErrorOf(error);
 *   if (qwenError?.kind === "model-not-in-plan") console.error(qwenError.hint);
 *   else throw error;
 * }
 * ```
 */
export function qwenApiErrorOf(error: unknown): QwenApiError | undefined {
  let current = error;
  for (
    let depth = 0;
    depth < MAX_WRAPPING_DEPTH && typeof current === "object" && current !== null;
    depth++
  ) {
    if (isQwenApiError(current)) return current;
    const wrapper = current as { readonly lastError?: unknown; readonly cause?: unknown };
    current = wrapper.lastError ?? wrapper.cause;
  }
  return undefined;
}
