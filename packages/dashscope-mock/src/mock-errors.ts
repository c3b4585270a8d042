import { COMPLETION_ID_PREFIX, type DashScopeErrorBody } from "@qwenkit/core/wire";

/** The error bodies of Model Studio (docs/dashscope.md#errors), by name. */
export type MockErrorName =
  | "context-too-long"
  | "model-not-in-plan"
  | "arrearage"
  | "content-moderation"
  | "empty-tools"
  | "invalid-parameter"
  | "invalid-api-key"
  | "invalid-access-token"
  | "model-access-denied"
  | "model-not-found"
  | "coding-plan-client-gate"
  | "rate-limit"
  | "quota-exceeded"
  | "plan-quota-hour"
  | "plan-quota-week"
  | "plan-quota-month"
  | "internal-error"
  | "model-unavailable";

/**
 * How DashScope lays out an error body; the layouts follow the captures in `fixtures/wire/errors.jsonl` and
 * public reports, key order included.
 * - `gateway`: `{"error":{"message","type","param","code"},"request_id"}`
 * - `gateway-without-id`: the same without `request_id` (the empty-tools capture)
 * - `algorithm`: `{"error":{"code","param","message","type"},"id":"chatcmpl-…","request_id"}`
 *   (parameter errors raised by the model service)
 * - `moderation`: `{"error":{"code","param","message","type"},"id":"chatcmpl-…"}`
 * - `string`: `{"error":"<message>"}` (the Coding Plan client gate)
 */
export type ErrorLayout = "gateway" | "gateway-without-id" | "algorithm" | "moderation" | "string";

/** One row of the error table. `{model}` and `{maxInput}` in a message are filled per request. */
export interface MockErrorSpec {
  readonly status: number;
  readonly code: string | null;
  readonly type: string;
  readonly message: string;
  readonly layout: ErrorLayout;
}

const HELP = "For details, see: https://help.aliyun.com/zh/model-studio/error-code";

/** Every error the mock can send: status, code, type, message and body layout. */
export const MOCK_ERRORS = {
  "context-too-long": {
    status: 400,
    code: "invalid_parameter_error",
    type: "invalid_request_error",
    message: "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, {maxInput}]",
    layout: "gateway",
  },
  "model-not-in-plan": {
    status: 400,
    code: "invalid_parameter_error",
    type: "invalid_request_error",
    message: "model '{model}' is not supported.",
    layout: "gateway",
  },
  arrearage: {
    status: 400,
    code: "Arrearage",
    type: "Arrearage",
    message: `Access denied, please make sure your account is in good standing. ${HELP}#overdue-payment`,
    layout: "gateway",
  },
  "content-moderation": {
    status: 400,
    code: "data_inspection_failed",
    type: "data_inspection_failed",
    message: "Input text data may contain inappropriate content.",
    layout: "moderation",
  },
  "empty-tools": {
    status: 400,
    code: null,
    type: "invalid_request_error",
    message: "[] is too short - 'tools'",
    layout: "gateway-without-id",
  },
  "invalid-parameter": {
    status: 400,
    code: "invalid_parameter_error",
    type: "invalid_request_error",
    message: "<400> InternalError.Algo.InvalidParameter: An invalid parameter was provided.",
    layout: "algorithm",
  },
  "invalid-api-key": {
    status: 401,
    code: "invalid_api_key",
    type: "invalid_request_error",
    message: `Incorrect API key provided. ${HELP}#apikey-error`,
    layout: "gateway",
  },
  "invalid-access-token": {
    status: 401,
    code: "invalid_api_key",
    type: "invalid_request_error",
    message: "invalid access token or token expired",
    layout: "gateway",
  },
  "model-access-denied": {
    status: 403,
    code: "Model.AccessDenied",
    type: "Model.AccessDenied",
    message: "Model access denied.",
    layout: "gateway",
  },
  "model-not-found": {
    status: 404,
    code: "model_not_found",
    type: "invalid_request_error",
    message: "The model `{model}` does not exist or you do not have access to it.",
    layout: "gateway",
  },
  "coding-plan-client-gate": {
    status: 405,
    code: null,
    type: "",
    message: "Coding Plan is currently only available for Coding Agents",
    layout: "string",
  },
  "rate-limit": {
    status: 429,
    code: "limit_requests",
    type: "limit_requests",
    message: `You have exceeded your current request limit. ${HELP}#rate-limit`,
    layout: "gateway",
  },
  "quota-exceeded": {
    status: 429,
    code: "insufficient_quota",
    type: "insufficient_quota",
    message: "Allocated quota exceeded, please increase your quota limit.",
    layout: "gateway",
  },
  "plan-quota-hour": {
    status: 429,
    code: "insufficient_quota",
    type: "insufficient_quota",
    message: "hour allocated quota exceeded",
    layout: "gateway",
  },
  "plan-quota-week": {
    status: 429,
    code: "insufficient_quota",
    type: "insufficient_quota",
    message: "week allocated quota exceeded",
    layout: "gateway",
  },
  "plan-quota-month": {
    status: 429,
    code: "insufficient_quota",
    type: "insufficient_quota",
    message: "month allocated quota exceeded",
    layout: "gateway",
  },
  "internal-error": {
    status: 500,
    code: "internal_error",
    type: "internal_error",
    message: "An internal error has occured, please try again later or contact service support.",
    layout: "gateway",
  },
  "model-unavailable": {
    status: 503,
    code: "ModelUnavailable",
    type: "ModelUnavailable",
    message: "Model is unavailable, please try again later.",
    layout: "gateway",
  },
} as const satisfies Record<MockErrorName, MockErrorSpec>;

/** Every error name, in table order. */
export const MOCK_ERROR_NAMES = Object.keys(MOCK_ERRORS) as MockErrorName[];

/** Whether `value` names an error of the table. */
export function isMockErrorName(value: string): value is MockErrorName {
  return Object.hasOwn(MOCK_ERRORS, value);
}

/** What a request contributes to an error body. */
export interface ErrorContext {
  readonly requestId: string;
  readonly model?: string;
  readonly maxInput?: number;
  /** Replaces the table's message (parameter errors say which parameter). */
  readonly message?: string;
}

/** The JSON body DashScope sends for `name`. */
export function errorBody(name: MockErrorName, context: ErrorContext): DashScopeErrorBody {
  const spec: MockErrorSpec = MOCK_ERRORS[name];
  const message = (context.message ?? spec.message)
    .replace("{model}", context.model ?? "")
    .replace("{maxInput}", String(context.maxInput ?? 0));
  const { code, type } = spec;
  switch (spec.layout) {
    case "gateway":
      return { error: { message, type, param: null, code }, request_id: context.requestId };
    case "gateway-without-id":
      return { error: { message, type, param: null, code } };
    case "algorithm":
      return {
        error: { code, param: null, message, type },
        id: `${COMPLETION_ID_PREFIX}${context.requestId}`,
        request_id: context.requestId,
      };
    case "moderation":
      return {
        error: { code, param: null, message, type },
        id: `${COMPLETION_ID_PREFIX}${context.requestId}`,
      };
    case "string":
      return { error: message };
  }
}
