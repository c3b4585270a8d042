import type { KeyKind, Plan } from "@qwenkit/core";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { type ProviderErrorBody, parseErrorBody, readErrorEnvelope } from "./error-body.js";
import { redactError, redactSecrets } from "./redact.js";
import type { QwenChatResult } from "./result.js";
import { retryAfterMs } from "./retry-after.js";

/**
 * Stable, machine-readable error kinds. Switch on `error.kind`, not on messages.
 *
 * | kind | when | retryable |
 * |---|---|---|
 * | `context-too-long` | 400 `Range of input length should be [1, N]` | no |
 * | `model-not-in-plan` | 400 `model 'X' is not supported` from a Coding Plan host | no |
 * | `billing` | 400 `Arrearage` (account in arrears) | no |
 * | `content-moderation` | 400 `data_inspection_failed` | no |
 * | `invalid-request` | any other 400 / 4xx (e.g. `[] is too short - 'tools'`) | no |
 * | `invalid-api-key` | 401 (`invalid_api_key`, `invalid access token or token expired`) | no |
 * | `access-denied` | 403 `AccessDenied` / `Model.AccessDenied` | no |
 * | `model-not-found` | 404 `model_not_found` | no |
 * | `coding-plan-client-gate` | 405 `Coding Plan is currently only available for Coding Agents` | no |
 * | `rate-limit` | 429 `limit_requests` / `Throttling.RateQuota` | yes |
 * | `quota-exceeded` | 429 `insufficient_quota` / `Throttling.AllocationQuota` (tokens per minute) | yes |
 * | `plan-quota` | Coding Plan `hour` / `week` / `month allocated quota exceeded` | no |
 * | `server-error` | 5xx, `internal_error`, `ModelUnavailable` | yes |
 * | `timeout` | no response, or no next stream chunk, within the `timeout` option | yes |
 * | `connection` | the host could not be reached | yes |
 * | `aborted` | the caller's `AbortSignal` fired, or the caller stopped iterating | no |
 * | `stream-interrupted` | the stream broke or ended before its finish frame | yes |
 * | `malformed-response` | a non-streaming response body that is cut off or not JSON | yes |
 * | `unknown` | anything else | no |
 */
export type QwenApiErrorKind =
  | "context-too-long"
  | "model-not-in-plan"
  | "billing"
  | "content-moderation"
  | "invalid-request"
  | "invalid-api-key"
  | "access-denied"
  | "model-not-found"
  | "coding-plan-client-gate"
  | "rate-limit"
  | "quota-exceeded"
  | "plan-quota"
  | "server-error"
  | "timeout"
  | "connection"
  | "aborted"
  | "stream-interrupted"
  | "malformed-response"
  | "unknown";

/** The Coding Plan quota window that ran out: the rolling 5 hours, the week (from Monday 00:00 UTC+8), or the month. */
export type QuotaWindow = "5-hour" | "week" | "month";

/** What qwenkit knows about the call, to make hints precise. */
export interface QwenErrorContext {
  /** The model id of the request. */
  readonly model?: string | undefined;
  /** The kind of key its prefix shows (`sk-sp-` → subscription: Coding Plan or Token Plan). */
  readonly keyKind?: KeyKind | undefined;
  /** The plan of the native endpoint; `undefined` for a custom base URL. */
  readonly endpointPlan?: Plan | undefined;
  /** The endpoint's base URL (named in connection hints). */
  readonly baseUrl?: string | undefined;
  /** The per-attempt timeout in milliseconds (named in timeout hints). */
  readonly timeoutMs?: number | undefined;
  /** Secrets to mask if a provider message echoes them. */
  readonly secrets?: readonly string[] | undefined;
}

/** Everything a {@link QwenApiError} carries. */
export interface QwenApiErrorInit {
  readonly kind: QwenApiErrorKind;
  readonly message: string;
  readonly hint: string;
  readonly retryable: boolean;
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly quotaWindow?: QuotaWindow | undefined;
  readonly partial?: QwenChatResult | undefined;
  readonly cause?: unknown;
}

/**
 * Every failure of a qwenkit call: HTTP errors (SPEC section 8), mid-stream error frames,
 * timeouts, connection failures, aborts and interrupted streams. Never contains the API key.
 *
 * @example
 * ```ts
 * try { await qwen.chat({ messages }); }
 * catch (error) {
 *   if (error instanceof QwenApiError && error.kind === "model-not-in-plan") console.error(error.hint);
 *   else throw error;
 * }
 * ```
 */
export class QwenApiError extends Error {
  override readonly name = "QwenApiError";
  /** Stable kind; see {@link QwenApiErrorKind}. */
  readonly kind: QwenApiErrorKind;
  /** HTTP status, when the error came with one (not for mid-stream frames, timeouts, aborts). */
  readonly status: number | undefined;
  /** DashScope's error code (`invalid_api_key`, `Arrearage`, `limit_requests`, …), when sent. */
  readonly code: string | undefined;
  /** `request_id` / `x-request-id`; quote it to Alibaba Cloud support. */
  readonly requestId: string | undefined;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** One actionable line for the user. */
  readonly hint: string;
  /** How long the server asked to wait (`retry-after`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** For `plan-quota`: which Coding Plan window ran out. */
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
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.hint = init.hint;
    this.retryAfterMs = init.retryAfterMs;
    this.quotaWindow = init.quotaWindow;
    this.partial = init.partial;
  }

  /** A copy with the partial result of a stream attached. */
  withPartial(partial: QwenChatResult | undefined): QwenApiError {
    return new QwenApiError({ ...this.#init(), partial });
  }

  /** A plain object for logs (no stack, no cause, no key). */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, ...init } = this.#init();
    return { name: this.name, ...init };
  }

  #init(): QwenApiErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      hint: this.hint,
      retryable: this.retryable,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      quotaWindow: this.quotaWindow,
      partial: this.partial,
      cause: this.cause,
    };
  }
}

/** The kinds an error response or error frame from DashScope can have. */
type ProviderErrorKind = Exclude<
  QwenApiErrorKind,
  "timeout" | "connection" | "aborted" | "stream-interrupted"
>;

/**
 * How a provider error is recognised: every given condition must hold. Ordered, first match
 * wins; specific messages come before the status fallbacks. Conditions use codes as well as
 * statuses because mid-stream error frames have no status.
 */
interface ErrorRule {
  readonly kind: ProviderErrorKind;
  readonly status?: readonly [min: number, max: number];
  readonly codes?: readonly string[];
  readonly message?: RegExp;
  /** The rule does not apply on an endpoint of this plan. */
  readonly notOnPlan?: Plan;
}

const ERROR_RULES: readonly ErrorRule[] = [
  { kind: "plan-quota", message: /\b(?:hour|week|month) allocated quota exceeded/i },
  { kind: "context-too-long", message: /Range of input length should be/i },
  { kind: "model-not-in-plan", message: /model '[^']*' is not supported/i, notOnPlan: "standard" },
  { kind: "billing", codes: ["Arrearage"] },
  { kind: "content-moderation", codes: ["data_inspection_failed", "DataInspectionFailed"] },
  { kind: "coding-plan-client-gate", message: /only available for Coding Agents/i },
  { kind: "coding-plan-client-gate", status: [405, 405] },
  { kind: "invalid-api-key", status: [401, 401] },
  { kind: "invalid-api-key", codes: ["invalid_api_key", "InvalidApiKey"] },
  { kind: "access-denied", status: [403, 403] },
  { kind: "access-denied", codes: ["AccessDenied", "Model.AccessDenied", "AccessDenied.Unpurchased"] },
  { kind: "model-not-found", status: [404, 404] },
  { kind: "model-not-found", codes: ["model_not_found", "ModelNotFound"] },
  { kind: "quota-exceeded", codes: ["insufficient_quota", "Throttling.AllocationQuota"] },
  { kind: "rate-limit", status: [429, 429] },
  { kind: "rate-limit", codes: ["limit_requests", "Throttling.RateQuota", "Throttling"] },
  { kind: "server-error", status: [500, 599] },
  {
    kind: "server-error",
    codes: ["internal_error", "InternalError", "ModelUnavailable", "ServiceUnavailable", "RequestTimeOut"],
  },
  { kind: "invalid-request", status: [400, 499] },
  {
    kind: "invalid-request",
    codes: ["invalid_parameter_error", "InvalidParameter", "invalid_request_error", "invalid_value"],
  },
];

const RETRYABLE: Readonly<Record<QwenApiErrorKind, boolean>> = {
  "context-too-long": false,
  "model-not-in-plan": false,
  billing: false,
  "content-moderation": false,
  "invalid-request": false,
  "invalid-api-key": false,
  "access-denied": false,
  "model-not-found": false,
  "coding-plan-client-gate": false,
  "rate-limit": true,
  "quota-exceeded": true,
  "plan-quota": false,
  "server-error": true,
  timeout: true,
  connection: true,
  aborted: false,
  "stream-interrupted": true,
  "malformed-response": true,
  unknown: false,
};

const STANDARD_CHOICES = "qwen-standard-api-key (Global) or qwen-standard-api-key-cn (China)";
const CODING_CHOICES = "qwen-api-key (Global) or qwen-api-key-cn (China)";

const QUOTA_WINDOWS: Readonly<Record<string, QuotaWindow>> = { hour: "5-hour", week: "week", month: "month" };

const QUOTA_RESETS: Readonly<Record<QuotaWindow, string>> = {
  "5-hour": "the rolling 5-hour window",
  week: "the weekly window (resets Monday 00:00 UTC+8)",
  month: "the monthly window",
};

const modelName = (context: QwenErrorContext, message: string | undefined, pattern: RegExp): string =>
  context.model ?? message?.match(pattern)?.[1] ?? "the model";

function hintFor(
  kind: QwenApiErrorKind,
  body: ProviderErrorBody,
  context: QwenErrorContext,
  window?: QuotaWindow,
): string {
  const message = body.message;
  switch (kind) {
    case "context-too-long": {
      const limit = message?.match(/\[1,\s*(\d+)\]/)?.[1];
      const model = context.model ?? "the model";
      return `The input is longer than ${model} accepts${limit ? ` (${limit} tokens)` : ""}: shorten the conversation or pick a model with a larger context window.`;
    }
    case "model-not-in-plan":
      return `${modelName(context, message, /model '([^']*)'/)} is not in the Coding Plan: switch to a Standard (pay-as-you-go) auth choice, ${STANDARD_CHOICES}, with a Standard key, or pick a Coding Plan model.`;
    case "billing":
      return "The Alibaba Cloud account is in arrears: settle the balance in the billing console, then retry.";
    case "content-moderation":
      return "Content moderation rejected the input or the output: rephrase the request.";
    case "invalid-request":
      return message?.includes("'tools'")
        ? "DashScope rejects an empty tools list: omit tools when there are none."
        : "DashScope rejected a request parameter: see the message for which one.";
    case "invalid-api-key":
      return keyHint(context, message);
    case "access-denied":
      return `The account has no access to ${context.model ?? "this model"}: enable it in the Model Studio console or choose another model.`;
    case "model-not-found":
      return `${modelName(context, message, /model `([^`]*)`/)} does not exist on this endpoint or region: check the id (ids are case-sensitive, e.g. MiniMax-M2.5).`;
    case "coding-plan-client-gate":
      return `The Coding Plan only serves coding agents: for other applications use a Standard auth choice, ${STANDARD_CHOICES}.`;
    case "rate-limit":
      return "Too many requests: slow down and retry after a pause.";
    case "quota-exceeded":
      return "The tokens-per-minute quota is used up (not a billing problem): retry in a minute or spread requests out.";
    case "plan-quota":
      return `The Coding Plan quota of ${QUOTA_RESETS[window ?? "5-hour"]} is used up: wait for it to reset, or use a Standard key (${STANDARD_CHOICES}).`;
    case "server-error":
      return "DashScope had a server-side problem or the model is unavailable: retry shortly.";
    case "timeout":
      return `No response within ${context.timeoutMs === undefined ? "the timeout" : `${context.timeoutMs} ms`}: retry, or raise the timeout option.`;
    case "connection":
      return `Could not reach ${context.baseUrl ?? "the endpoint"}: check the network, proxy and base URL.`;
    case "aborted":
      return "The call was aborted by the caller; whatever had arrived is on error.partial.";
    case "stream-interrupted":
      return "The stream broke off before it finished; what arrived is on error.partial. Retry the request.";
    case "malformed-response":
      return "The response body was cut off or is not JSON: retry; if it persists, check proxies between you and DashScope.";
    case "unknown":
      return "Unexpected failure: see the message and cause.";
  }
}

function keyHint(context: QwenErrorContext, message: string | undefined): string {
  const { keyKind, endpointPlan } = context;
  if (keyKind === "subscription" && endpointPlan === "standard") {
    return `This is a Coding Plan key (sk-sp-…) but the endpoint is a Standard host: use the auth choice ${CODING_CHOICES}, or a Standard key.`;
  }
  if (keyKind === "standard" && endpointPlan === "coding") {
    return `This is a Standard key but the endpoint is a Coding Plan host: use the auth choice ${STANDARD_CHOICES}, or a Coding Plan key (sk-sp-…).`;
  }
  if (message !== undefined && /token expired/i.test(message)) {
    return "The Coding Plan key was rejected or has expired: renew it in the Coding Plan console (keys are per region).";
  }
  return "The API key was rejected: check it is current and belongs to this region (China and Global keys differ).";
}

function matches(
  rule: ErrorRule,
  status: number | undefined,
  body: ProviderErrorBody,
  context: QwenErrorContext,
) {
  if (rule.notOnPlan !== undefined && context.endpointPlan === rule.notOnPlan) return false;
  if (rule.status && (status === undefined || status < rule.status[0] || status > rule.status[1]))
    return false;
  if (rule.codes && (body.code === undefined || !rule.codes.includes(body.code))) {
    if (body.type === undefined || !rule.codes.includes(body.type)) return false;
  }
  if (rule.message && (body.message === undefined || !rule.message.test(body.message))) return false;
  return true;
}

/** Facts about a provider error response or frame, before classification. */
export interface ProviderErrorInput {
  /** HTTP status; `undefined` for a mid-stream error frame. */
  readonly status: number | undefined;
  readonly body: ProviderErrorBody;
  /** Response headers (`x-request-id`, `retry-after`). */
  readonly headers?: Headers | undefined;
}

/** Classifies a DashScope error response (or mid-stream error frame) into a {@link QwenApiError}. */
export function classifyProviderError(
  input: ProviderErrorInput,
  context: QwenErrorContext = {},
): QwenApiError {
  const { status, headers } = input;
  const body = { ...input.body, message: maybeRedact(input.body.message, context) };
  const kind: QwenApiErrorKind =
    ERROR_RULES.find((rule) => matches(rule, status, body, context))?.kind ?? "unknown";
  const windowWord = kind === "plan-quota" ? body.message?.match(/\b(hour|week|month)\b/i)?.[1] : undefined;
  const quotaWindow = windowWord === undefined ? undefined : QUOTA_WINDOWS[windowWord.toLowerCase()];
  const hint = hintFor(kind, body, context, quotaWindow);
  const summary = body.message ?? `DashScope answered HTTP ${status ?? "error"} without a message`;
  return new QwenApiError({
    kind,
    message: `${status === undefined ? "" : `${status} `}${summary} — ${hint}`,
    hint,
    retryable: RETRYABLE[kind],
    status,
    code:
      body.code ?? (body.type !== undefined && body.type !== "invalid_request_error" ? body.type : undefined),
    requestId: headers?.get("x-request-id") ?? body.requestId,
    retryAfterMs: headers ? retryAfterMs(headers) : undefined,
    quotaWindow,
  });
}

/**
 * Classifies a raw error response: `status` plus the body text as received (JSON, SSE-framed
 * JSON, or the 405 gate's string error).
 */
export function qwenApiErrorFromResponse(
  response: { readonly status: number; readonly body: string; readonly headers?: Headers },
  context: QwenErrorContext = {},
): QwenApiError {
  return classifyProviderError(
    { status: response.status, body: parseErrorBody(response.body), headers: response.headers },
    context,
  );
}

/** Where in a call an error happened: before the first chunk, or while streaming. */
export type ErrorPhase = "request" | "stream";

/**
 * Turns anything a call can throw (openai SDK errors, fetch failures, malformed frames) into a
 * {@link QwenApiError}. A `QwenApiError` is returned as it is.
 */
export function toQwenApiError(
  error: unknown,
  context: QwenErrorContext = {},
  phase: ErrorPhase = "request",
): QwenApiError {
  if (error instanceof QwenApiError) return error;
  if (error instanceof APIUserAbortError) return localError("aborted", context, error);
  if (error instanceof APIConnectionTimeoutError) return localError("timeout", context, error);
  if (error instanceof APIConnectionError) {
    return localError(
      phase === "stream" ? "stream-interrupted" : "connection",
      context,
      error.cause ?? error,
    );
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

/** A {@link QwenApiError} for a failure with no provider response (timeout, connection, abort, broken stream). */
export function localError(
  kind: QwenApiErrorKind,
  context: QwenErrorContext = {},
  cause?: unknown,
): QwenApiError {
  const hint = hintFor(kind, readErrorEnvelope(undefined), context);
  const detail = cause instanceof Error ? maybeRedact(cause.message, context) : undefined;
  return new QwenApiError({
    kind,
    message: `${detail ? `${detail} — ` : ""}${hint}`,
    hint,
    retryable: RETRYABLE[kind],
    cause:
      cause instanceof Error && !(cause instanceof APIError)
        ? redactError(cause, context.secrets)
        : undefined,
  });
}

function sdkErrorBody(error: APIError): ProviderErrorBody {
  if (error.error !== undefined) return readErrorEnvelope(error.error);
  // A body that is not JSON (e.g. SSE-framed) reaches the SDK error only as its message, "<status> <body>".
  const prefix = error.status === undefined ? "" : `${error.status} `;
  const raw = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return parseErrorBody(raw);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "APIUserAbortError");
}

function maybeRedact(text: string | undefined, context: QwenErrorContext): string | undefined {
  return text === undefined ? undefined : redactSecrets(text, context.secrets);
}
