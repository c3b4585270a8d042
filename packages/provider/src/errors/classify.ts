import type { Plan } from "@qwenkit/core";
import { type ProviderErrorBody, parseErrorBody } from "../error-body.js";
import { retryAfterMs } from "../retry-after.js";
import type { QwenErrorContext } from "./context.js";
import { hintFor, QWEN_API_ERROR_KINDS, type QwenApiErrorKind } from "./kinds.js";
import { QUOTA_MESSAGE, quotaWindowOf } from "./quota-window.js";
import { QwenApiError } from "./qwen-api-error.js";
import { wireField, wireHeaders, wireMessage } from "./wire-text.js";

/** The kinds an error response or error frame from DashScope can have. */
type ProviderErrorKind = Exclude<
  QwenApiErrorKind,
  | "timeout"
  | "connection"
  | "aborted"
  | "stream-interrupted"
  | "response-too-large"
  | "undecodable-response"
  | "redirect"
>;

/**
 * How a provider error is recognised: every given condition must hold. Precedence is the order
 * of {@link ERROR_RULES} (first match wins): specific messages and codes before the status
 * fallbacks. Conditions use codes as well as statuses because mid-stream error frames have none.
 */
interface ErrorRule {
  readonly kind: ProviderErrorKind;
  readonly status?: readonly [min: number, max: number];
  /** Matches `code` or `type`. */
  readonly codes?: readonly string[];
  readonly message?: RegExp;
  /** The rule does not apply on an endpoint of this plan. */
  readonly notOnPlan?: Plan;
}

const MODEL_NOT_FOUND_CODES = ["model_not_found", "ModelNotFound"];

const ERROR_RULES: readonly ErrorRule[] = [
  { kind: "plan-quota", message: QUOTA_MESSAGE },
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
  { kind: "model-not-found", codes: MODEL_NOT_FOUND_CODES },
  { kind: "model-not-found", status: [404, 404], message: /\bmodel\b.*\b(?:does not exist|not found)\b/i },
  // A 404 without DashScope's model error is a path that does not exist: the base URL is wrong.
  { kind: "endpoint-not-found", status: [404, 404] },
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

function matches(
  rule: ErrorRule,
  status: number | undefined,
  body: ProviderErrorBody,
  context: QwenErrorContext,
) {
  if (rule.notOnPlan !== undefined && (context.endpoint?.plan ?? undefined) === rule.notOnPlan) return false;
  if (rule.status && (status === undefined || status < rule.status[0] || status > rule.status[1]))
    return false;
  if (rule.codes && !(rule.codes.includes(body.code ?? "") || rule.codes.includes(body.type ?? "")))
    return false;
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

/**
 * Classifies a DashScope error response (or mid-stream error frame) into a {@link QwenApiError}.
 * Every string taken from the body and headers is masked and cut.
 */
export function classifyProviderError(
  input: ProviderErrorInput,
  context: QwenErrorContext = {},
): QwenApiError {
  const { status, headers } = input;
  const { secrets } = context;
  const body: ProviderErrorBody = {
    message: wireMessage(input.body.message, secrets),
    code: wireField(input.body.code, secrets),
    type: wireField(input.body.type, secrets),
    param: wireField(input.body.param, secrets),
    requestId: wireField(input.body.requestId, secrets),
  };
  const kind: QwenApiErrorKind =
    ERROR_RULES.find((rule) => matches(rule, status, body, context))?.kind ?? "unknown";
  const quotaWindow = kind === "plan-quota" ? quotaWindowOf(body.message) : undefined;
  const hint = hintFor(kind, { context, message: body.message, status, quotaWindow });
  const summary = body.message ?? `DashScope answered HTTP ${status ?? "error"} without a message`;
  return new QwenApiError({
    kind,
    message: `${status === undefined ? "" : `${status} `}${summary} — ${hint}`,
    hint,
    retryable: QWEN_API_ERROR_KINDS[kind].retryable,
    status,
    headers: wireHeaders(headers, secrets),
    // For DashScope's own codes `type` repeats the code; the generic `invalid_request_error` is no code.
    code:
      body.code ?? (body.type !== undefined && body.type !== "invalid_request_error" ? body.type : undefined),
    param: body.param,
    type: body.type,
    requestId: wireField(headers?.get("x-request-id") ?? undefined, secrets) ?? body.requestId,
    retryAfterMs: headers ? retryAfterMs(headers) : undefined,
    quotaWindow,
  });
}

/**
 * Classifies a raw error response: `status` plus the body text as received (JSON, SSE-framed
 * JSON, or the 405 gate's string error). Only the first 64 KiB of the body are read.
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
