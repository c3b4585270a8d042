import { PLANS } from "@qwenkit/core/advanced";
import { describeSize, LIMITS } from "../limits.js";
import type { QwenErrorContext } from "./context.js";
import {
  apiKeyHint,
  clientGateHint,
  endpointNotFoundHint,
  modelNotFoundHint,
  modelNotInPlanHint,
} from "./hints.js";
import { QUOTA_WINDOWS, type QuotaWindow } from "./quota-window.js";

/** What a hint is built from. */
export interface HintFacts {
  readonly context: QwenErrorContext;
  /** The server's message (masked), for provider errors. */
  readonly message: string | undefined;
  readonly status: number | undefined;
  readonly quotaWindow: QuotaWindow | undefined;
}

/** One row of {@link QWEN_API_ERROR_KINDS}. */
export interface QwenApiErrorKindSpec {
  /** Whether sending the same request again may succeed; qwenkit retries these itself. */
  readonly retryable: boolean;
  /** When the kind happens (the docs' "cause" column). */
  readonly cause: string;
  /** What the user does about it (the docs' "what to do" column). */
  readonly action: string;
  /** The one actionable line the error carries. */
  readonly hint: (facts: HintFacts) => string;
}

const model = (facts: HintFacts, pattern: RegExp): string =>
  facts.context.model ?? facts.message?.match(pattern)?.[1] ?? "the model";

const planName = (facts: HintFacts): string => {
  const plan = facts.context.endpoint?.plan;
  return plan === undefined || plan === "standard" ? "subscription plan" : PLANS[plan].label;
};

/**
 * Every kind of {@link QwenApiError}, keyed by kind: the one place a kind is spelled. The
 * `QwenApiErrorKind` union, retryability, hints and the README's error table derive from it.
 */
export const QWEN_API_ERROR_KINDS = {
  "context-too-long": {
    retryable: false,
    cause: "400 `Range of input length should be [1, N]`",
    action: "shorten the input, or pick a model with a larger context window",
    hint: (facts) => {
      const limit = facts.message?.match(/\[1,\s*(\d+)\]/)?.[1];
      return `The input is longer than ${facts.context.model ?? "the model"} accepts${limit ? ` (${limit} tokens)` : ""}: shorten the conversation or pick a model with a larger context window.`;
    },
  },
  "model-not-in-plan": {
    retryable: false,
    cause: "400 `model 'X' is not supported` on a Coding Plan or Token Plan host",
    action: "use a model of the plan (the hint names a case slip), or Pay-as-you-go",
    hint: (facts) => modelNotInPlanHint(facts.context, model(facts, /model '([^']*)'/)),
  },
  billing: {
    retryable: false,
    cause: "400 `Arrearage` (the account is in arrears)",
    action: "settle the account",
    hint: () =>
      "The Alibaba Cloud account is in arrears: settle the balance in the billing console, then retry.",
  },
  "content-moderation": {
    retryable: false,
    cause: "400 `data_inspection_failed`",
    action: "rephrase",
    hint: () => "Content moderation rejected the input or the output: rephrase the request.",
  },
  "invalid-request": {
    retryable: false,
    cause: "any other 400 / 4xx (e.g. `[] is too short - 'tools'`)",
    action: "fix the parameter named in the message",
    hint: (facts) =>
      facts.message?.includes("'tools'")
        ? "DashScope rejects an empty tools list: omit tools when there are none."
        : "DashScope rejected a request parameter: see the message for which one.",
  },
  "invalid-api-key": {
    retryable: false,
    cause: "401 (`Incorrect API key provided.`, `invalid access token or token expired`)",
    action: "the hint says when the key's kind, the endpoint's plan, region or workspace disagree",
    hint: (facts) => apiKeyHint(facts.context, facts.message),
  },
  "access-denied": {
    retryable: false,
    cause: "403 `AccessDenied` / `Model.AccessDenied`",
    action: "enable the model in the console",
    hint: (facts) =>
      `The account has no access to ${facts.context.model ?? "this model"}: enable it in the Model Studio console or choose another model.`,
  },
  "model-not-found": {
    retryable: false,
    cause: "404 `model_not_found`",
    action: "check the id (case-sensitive) and region",
    hint: (facts) => modelNotFoundHint(facts.context, model(facts, /model `([^`]*)`/)),
  },
  "endpoint-not-found": {
    retryable: false,
    cause: "404 without DashScope's model error (a wrong path in the base URL)",
    action: "fix the base URL's path",
    hint: (facts) => endpointNotFoundHint(facts.context),
  },
  "coding-plan-client-gate": {
    retryable: false,
    cause: "405 `Coding Plan is currently only available for Coding Agents` (also on Token Plan hosts)",
    action: "the subscription plans are for interactive tools: use Pay-as-you-go for an application",
    hint: (facts) => clientGateHint(facts.context),
  },
  "rate-limit": {
    retryable: true,
    cause: "429 `limit_requests` / `Throttling.RateQuota`",
    action: "retried automatically",
    hint: () => "Too many requests: slow down and retry after a pause.",
  },
  "quota-exceeded": {
    retryable: true,
    cause: "429 `insufficient_quota` / `Throttling.AllocationQuota` (tokens per minute, not billing)",
    action: "retried automatically",
    hint: () =>
      "The tokens-per-minute quota is used up (not a billing problem): retry in a minute or spread requests out.",
  },
  "plan-quota": {
    retryable: false,
    cause: "a subscription plan's `hour` / `week` / `month allocated quota exceeded`",
    action: "wait for `error.quotaWindow` (`5-hour`, `week` from Monday 00:00 UTC+8, `month`)",
    hint: (facts) =>
      `The ${planName(facts)} quota of ${QUOTA_WINDOWS[facts.quotaWindow ?? "5-hour"].resets} is used up: wait for it to reset, or use a ${PLANS.standard.label} key and auth choice.`,
  },
  "server-error": {
    retryable: true,
    cause: "5xx, `internal_error`, `ModelUnavailable`",
    action: "retried automatically",
    hint: () => "DashScope had a server-side problem or the model is unavailable: retry shortly.",
  },
  timeout: {
    retryable: true,
    cause: "no response, or no next stream chunk, within the `timeout` option",
    action: "retried automatically",
    hint: (facts) =>
      `No response within ${facts.context.timeoutMs === undefined ? "the timeout" : `${facts.context.timeoutMs} ms`}: retry, or raise the timeout option.`,
  },
  connection: {
    retryable: true,
    cause: "the host could not be reached, or the connection dropped before a response",
    action: "retried automatically",
    hint: (facts) =>
      `Could not reach ${facts.context.endpoint?.baseUrl ?? "the endpoint"}: check the network, proxy and base URL.`,
  },
  aborted: {
    retryable: false,
    cause: "your `AbortSignal`, or you left the loop",
    action: "`error.partial` has what arrived",
    hint: () => "The call was aborted by the caller; whatever had arrived is on error.partial.",
  },
  "stream-interrupted": {
    retryable: true,
    cause: "the stream broke off or sent a broken frame before its finish frame",
    action: "`error.partial` has what arrived (retried only while nothing was delivered)",
    hint: () =>
      "The stream broke off before it finished; what arrived is on error.partial. Retry the request.",
  },
  "malformed-response": {
    retryable: true,
    cause: "a non-streaming body cut off, not JSON, or JSON that is not a `chat.completion`",
    action: "retried automatically",
    hint: () =>
      "The response body was cut off or is not JSON: retry; if it persists, check proxies between you and DashScope.",
  },
  "undecodable-response": {
    retryable: false,
    cause:
      "a 2xx body whose `content-encoding` (gzip, deflate, br) is corrupt; a non-2xx one keeps its status's kind",
    action: "check proxies that recompress responses",
    hint: () =>
      "The response body could not be decoded (a corrupt compressed body): a proxy between you and DashScope is likely rewriting it.",
  },
  "response-too-large": {
    retryable: false,
    cause: `an SSE line or event above ${describeSize(LIMITS.sseLineLength)}, a non-streaming body above ${describeSize(LIMITS.jsonBodyBytes)}, or response headers above the runtime's limit (16 KiB on Node.js)`,
    action: "check the server or proxy; no real DashScope response comes near",
    hint: (facts) =>
      `The server sent more than qwenkit reads: ${facts.context.endpoint?.baseUrl ?? "the endpoint"}, or a proxy in front of it, is misbehaving.`,
  },
  redirect: {
    retryable: false,
    cause: "a redirect to another origin, or one that would change the request (301, 302, 303)",
    action: "set `baseUrl` to the endpoint the redirect names, if you trust it",
    hint: (facts) =>
      `${facts.context.endpoint?.baseUrl ?? "The endpoint"} answered with a redirect qwenkit does not follow (the key and the prompt would go elsewhere): set the base URL to the real endpoint.`,
  },
  unknown: {
    retryable: false,
    cause: "anything else",
    action: "see `message` and `cause`",
    hint: () => "Unexpected failure: see the message and cause.",
  },
} as const satisfies Readonly<Record<string, QwenApiErrorKindSpec>>;

/** Stable, machine-readable error kinds (see {@link QWEN_API_ERROR_KINDS}). Switch on `error.kind`, not on messages. */
export type QwenApiErrorKind = keyof typeof QWEN_API_ERROR_KINDS;

/** The kinds, for tables and tests (the set, not an order to look things up by). */
export const QWEN_API_ERROR_KIND_IDS = Object.keys(QWEN_API_ERROR_KINDS) as readonly QwenApiErrorKind[];

/** The hint of `kind` for `facts`. */
export function hintFor(kind: QwenApiErrorKind, facts: HintFacts): string {
  const spec: QwenApiErrorKindSpec = QWEN_API_ERROR_KINDS[kind];
  return spec.hint(facts);
}
