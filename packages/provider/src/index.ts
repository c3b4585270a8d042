export type { QwenChatStream } from "./chat-stream.js";
export { resultFromCompletion } from "./completion-result.js";
export { type ProviderErrorBody, parseErrorBody, readErrorEnvelope } from "./error-body.js";
export {
  classifyProviderError,
  type ProviderErrorInput,
  qwenApiErrorFromResponse,
} from "./errors/classify.js";
export type { QwenErrorContext } from "./errors/context.js";
export { type ErrorPhase, toQwenApiError } from "./errors/from-openai-sdk.js";
export {
  QWEN_API_ERROR_KINDS,
  type QwenApiErrorKind,
  type QwenApiErrorKindSpec,
} from "./errors/kinds.js";
export type { QuotaWindow } from "./errors/quota-window.js";
export { isQwenApiError, QwenApiError, type QwenApiErrorInit } from "./errors/qwen-api-error.js";
export { type GuardedFetchOptions, guardedFetch } from "./http/guarded-fetch.js";
export type { QwenCallOptions, QwenChatRequest, QwenProviderOptions } from "./options.js";
export { createQwenProvider, type QwenProvider } from "./provider.js";
export { requestIdFromCompletionId } from "./request-id.js";
export type { QwenChatResult, QwenFinishReason } from "./result.js";
export {
  DEFAULT_RETRY_POLICY,
  type QwenRetryDelays,
  type RetryPolicy,
  retryDelayMs,
  retryPolicy,
} from "./retry.js";
export { retryAfterMs } from "./retry-after.js";
export {
  type ChatRequestBody,
  type DashScopeThinkingParams,
  type QwenRequestWarning,
  type QwenRequestWarningCode,
  type QwenThinkingOption,
  REASONING_EFFORT_THINKING,
  type ShapeChatRequestOptions,
  type ShapedChatBody,
  type ShapedChatRequest,
  shapeChatRequest,
} from "./shape-request.js";
export { type AssemblyMeta, StreamAssembler } from "./stream-assembler.js";
export type { QwenStreamEvent } from "./stream-events.js";
export { parseToolArguments, type QwenToolArguments, type QwenToolCall } from "./tool-call.js";
export { normalizeUsage, type QwenUsage } from "./usage.js";
