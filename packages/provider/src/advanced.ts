/**
 * `@qwenkit/provider/advanced`: the building blocks `createQwenProvider` is made of, for code that
 * drives its own `openai` client (or another HTTP client) and wants qwenkit's behaviour piece by
 * piece: shape a request for an endpoint's capabilities, fold streamed chunks into events and a
 * result, classify an error into a `QwenApiError`, and decide retries. Each piece is pure or takes
 * its I/O as an argument. The provider README's "Bring your own `openai` client" section shows
 * them together.
 *
 * It also re-exports the whole root (`createQwenProvider`, `QwenApiError`, `isQwenApiError` and
 * the rest), so code built from the pieces needs one import path. That also puts all of the
 * package's code in one module of `dist`: importing the root loads two files and resolves
 * `openai` and each `@qwenkit/core` entry once, which is cheaper at every cold start (see
 * BENCHMARKS.md).
 *
 * @packageDocumentation
 */
export { resultFromCompletion } from "./completion-result.js";
export { type ProviderErrorBody, parseErrorBody, readErrorEnvelope } from "./error-body.js";
export {
  classifyProviderError,
  type ProviderErrorInput,
  qwenApiErrorFromResponse,
} from "./errors/classify.js";
export type { QwenErrorContext } from "./errors/context.js";
export { type ErrorPhase, toQwenApiError } from "./errors/from-openai-sdk.js";
export type { QwenApiErrorInit } from "./errors/qwen-api-error.js";
export { type GuardedFetchOptions, guardedFetch } from "./http/guarded-fetch.js";
export * from "./index.js";
export { requestIdFromCompletionId } from "./request-id.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs, retryPolicy } from "./retry.js";
export { retryAfterMs } from "./retry-after.js";
export {
  type ChatRequestBody,
  type DashScopeThinkingParams,
  REASONING_EFFORT_THINKING,
  type ShapeChatRequestOptions,
  type ShapedChatBody,
  type ShapedChatRequest,
  shapeChatRequest,
} from "./shape-request.js";
export { type AssemblyMeta, StreamAssembler } from "./stream-assembler.js";
export { parseToolArguments } from "./tool-call.js";
export { normalizeUsage } from "./usage.js";
