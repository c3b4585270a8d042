export type { QwenChatStream } from "./chat-stream.js";
export { resultFromCompletion } from "./completion-result.js";
export { type ProviderErrorBody, parseErrorBody, readErrorEnvelope } from "./error-body.js";
export { normalizeErrorResponses } from "./error-response.js";
export {
  classifyProviderError,
  type ErrorPhase,
  type ProviderErrorInput,
  type QuotaWindow,
  QwenApiError,
  type QwenApiErrorInit,
  type QwenApiErrorKind,
  type QwenErrorContext,
  qwenApiErrorFromResponse,
  toQwenApiError,
} from "./errors.js";
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
