/**
 * `@qwenkit/provider`: a Model Studio (Qwen / DashScope) client on the official `openai` SDK.
 * The root holds what an application uses: {@link createQwenProvider}, the error it throws, and
 * the types of requests, results and stream events. The building blocks it is made of (request
 * shaping, the stream assembler, error classification, retry policy) are in
 * `@qwenkit/provider/advanced`.
 *
 * @packageDocumentation
 */
export type { QwenChatStream } from "./chat-stream.js";
export {
  QWEN_API_ERROR_KINDS,
  type QwenApiErrorKind,
  type QwenApiErrorKindSpec,
} from "./errors/kinds.js";
export type { QuotaWindow } from "./errors/quota-window.js";
export { isQwenApiError, QwenApiError } from "./errors/qwen-api-error.js";
export type { QwenCallOptions, QwenChatRequest, QwenProviderOptions } from "./options.js";
export { createQwenProvider, type QwenProvider } from "./provider.js";
export type { QwenChatResult, QwenFinishReason } from "./result.js";
export type { QwenRetryDelays } from "./retry.js";
export type {
  QwenRequestWarning,
  QwenRequestWarningCode,
  QwenThinkingOption,
} from "./shape-request.js";
export type { QwenStreamEvent } from "./stream-events.js";
export type { QwenToolArguments, QwenToolCall } from "./tool-call.js";
export type { QwenUsage } from "./usage.js";
