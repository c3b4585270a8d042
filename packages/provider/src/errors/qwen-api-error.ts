import type { QwenChatResult } from "../result.js";
import type { QwenApiErrorKind } from "./kinds.js";
import type { QuotaWindow } from "./quota-window.js";

/** Marks every `QwenApiError`, from any installed copy of the package (`Symbol.for` is global). */
const BRAND = Symbol.for("qwenkit.QwenApiError");

/** Everything a {@link QwenApiError} carries. */
export interface QwenApiErrorInit {
  readonly kind: QwenApiErrorKind;
  readonly message: string;
  readonly hint: string;
  readonly retryable: boolean;
  readonly status?: number | undefined;
  readonly headers?: Headers | undefined;
  readonly code?: string | undefined;
  readonly param?: string | undefined;
  readonly type?: string | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly quotaWindow?: QuotaWindow | undefined;
  readonly partial?: QwenChatResult | undefined;
  readonly cause?: unknown;
}

/**
 * Every failure of a qwenkit call: HTTP errors, mid-stream error frames, timeouts, connection
 * failures, aborts, interrupted or oversized streams. The fields follow openai-node's `APIError`
 * (`status`, `headers`, `code`, `param`, `type`, `requestId`, `cause`) plus qwenkit's `kind`,
 * `hint`, `retryable` and `partial`. Never contains the API key: every string taken from the
 * wire is masked. `instanceof` and {@link isQwenApiError} recognise it across installed copies.
 *
 * @example
 * ```ts
 * try { await qwen.chat({ messages }); }
 * catch (error) {
 *   if (isQwenApiError(error, "model-not-in-plan")) console.error(error.hint);
 *   else throw error;
 * }
 * ```
 */
export class QwenApiError extends Error {
  override readonly name = "QwenApiError";
  /** Stable kind; see `QWEN_API_ERROR_KINDS`. */
  readonly kind: QwenApiErrorKind;
  /** HTTP status, when the error came with one (not for mid-stream frames, timeouts, aborts). */
  readonly status: number | undefined;
  /** The response's headers (values masked), when there was a response. */
  readonly headers: Headers | undefined;
  /** DashScope's error code (`invalid_api_key`, `Arrearage`, `limit_requests` and so on), when sent. */
  readonly code: string | undefined;
  /** The request parameter the error is about, when DashScope names one. */
  readonly param: string | undefined;
  /** DashScope's error `type` (`invalid_request_error`, or the code for its own codes), when sent. */
  readonly type: string | undefined;
  /** `x-request-id` / `request_id`; quote it to Alibaba Cloud support. */
  readonly requestId: string | undefined;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** One actionable line for the user. */
  readonly hint: string;
  /** How long the server asked to wait (`retry-after`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** For `plan-quota`: which subscription window ran out. */
  readonly quotaWindow: QuotaWindow | undefined;
  /**
   * For a stream that failed or was aborted after it started: everything that had arrived.
   * `undefined` when the error happened before the first chunk.
   */
  readonly partial: QwenChatResult | undefined;

  constructor(init: QwenApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.headers = init.headers;
    this.code = init.code;
    this.param = init.param;
    this.type = init.type;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.hint = init.hint;
    this.retryAfterMs = init.retryAfterMs;
    this.quotaWindow = init.quotaWindow;
    this.partial = init.partial;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Recognises a `QwenApiError` of any installed copy of `@qwenkit/provider`, not only this one. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value);
  }

  /** A copy with the partial result of a stream attached. */
  withPartial(partial: QwenChatResult | undefined): QwenApiError {
    return new QwenApiError({ ...fieldsOf(this), partial });
  }

  /** A plain object for logs: every field but `headers` and `cause` (no stack, no key). */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, headers: _headers, ...fields } = fieldsOf(this);
    return { name: this.name, ...fields };
  }
}

/** The fields `error` was built from. */
function fieldsOf(error: QwenApiError): QwenApiErrorInit {
  return {
    kind: error.kind,
    message: error.message,
    hint: error.hint,
    retryable: error.retryable,
    status: error.status,
    headers: error.headers,
    code: error.code,
    param: error.param,
    type: error.type,
    requestId: error.requestId,
    retryAfterMs: error.retryAfterMs,
    quotaWindow: error.quotaWindow,
    partial: error.partial,
    cause: error.cause,
  };
}

const hasBrand = (value: unknown): value is QwenApiError =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;

/**
 * Whether `value` is a {@link QwenApiError} (of any installed copy of the package), and, with
 * `kind`, one of that kind. Narrows the type, so `error.hint` and the other fields type-check.
 *
 * @example
 * ```ts
 * if (isQwenApiError(error, "rate-limit")) await sleep(error.retryAfterMs ?? 1000);
 * ```
 */
export function isQwenApiError<K extends QwenApiErrorKind>(
  value: unknown,
  kind?: K,
): value is QwenApiError & { readonly kind: K } {
  return hasBrand(value) && (kind === undefined || value.kind === kind);
}
