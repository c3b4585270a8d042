import type { COMPLETION_OBJECT, DashScopeFinishReason, TOOL_CALL_TYPE } from "./constants.js";
import type { DashScopeUsage } from "./usage.js";

/** A complete tool call of a non-streamed reply. */
export interface DashScopeToolCall {
  readonly index?: number;
  readonly id: string;
  readonly type: typeof TOOL_CALL_TYPE;
  readonly function: { readonly name: string; readonly arguments: string };
}

/** The assistant message of a non-streamed reply. */
export interface DashScopeMessage {
  readonly role: "assistant";
  readonly content: string | null;
  /** Thinking models only. */
  readonly reasoning_content?: string;
  readonly tool_calls?: readonly DashScopeToolCall[];
}

/** One choice of a non-streamed reply. */
export interface DashScopeCompletionChoice {
  readonly index: number;
  readonly message: DashScopeMessage;
  readonly finish_reason: DashScopeFinishReason;
  readonly logprobs: null;
}

/** A non-streamed `chat.completion` body; usage is always included. */
export interface DashScopeCompletion {
  readonly choices: readonly DashScopeCompletionChoice[];
  readonly object: typeof COMPLETION_OBJECT;
  readonly usage: DashScopeUsage;
  /** Unix seconds. */
  readonly created: number;
  readonly system_fingerprint: null;
  readonly model: string;
  /** `chatcmpl-<request UUID>`. */
  readonly id: string;
}
