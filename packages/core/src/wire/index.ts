/**
 * `@qwenkit/core/wire`: DashScope's OpenAI-compatible wire format as types and constants, with
 * no runtime logic. The mock's frame builders `satisfies` these types and the provider reads them
 * through {@link Received}; `docs/dashscope.md` in the repository says where each fact comes from.
 *
 * @packageDocumentation
 */
export type {
  DashScopeChunk,
  DashScopeChunkChoice,
  DashScopeDelta,
  DashScopeToolCallDelta,
} from "./chunk.js";
export type {
  DashScopeCompletion,
  DashScopeCompletionChoice,
  DashScopeMessage,
  DashScopeToolCall,
} from "./completion.js";
export {
  CHUNK_OBJECT,
  COMPLETION_ID_PREFIX,
  COMPLETION_OBJECT,
  type DashScopeFinishReason,
  FINISH_REASONS,
  REQUEST_ID_HEADER,
  SSE_DATA_PREFIX,
  SSE_DONE,
  TOOL_CALL_ID_PREFIX,
  TOOL_CALL_TYPE,
} from "./constants.js";
export type {
  DashScopeErrorBody,
  DashScopeErrorEnvelope,
  DashScopeErrorFields,
  DashScopeGateError,
} from "./error.js";
export type { Received } from "./received.js";
export type { DashScopeUsage } from "./usage.js";
