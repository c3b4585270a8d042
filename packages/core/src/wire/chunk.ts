import type { CHUNK_OBJECT, DashScopeFinishReason, TOOL_CALL_TYPE } from "./constants.js";
import type { DashScopeUsage } from "./usage.js";

/**
 * A tool-call fragment of a streamed delta. The first carries `id` (`call_<hex>`), `type`,
 * `function.name` and the first `arguments` fragment; later ones repeat `"id": ""` and
 * `"type": "function"` with further fragments (an empty `id` never starts a new call).
 */
export interface DashScopeToolCallDelta {
  readonly index: number;
  readonly id: string;
  readonly type: typeof TOOL_CALL_TYPE;
  readonly function: { readonly name?: string; readonly arguments: string };
}

/**
 * A streamed delta. The first frame carries `role`; thinking models send `reasoning_content`
 * frames (with `content: null`) before the content frames (with `reasoning_content: null`).
 */
export interface DashScopeDelta {
  readonly role?: "assistant";
  readonly content?: string | null;
  /** DashScope's extension for thinking models. */
  readonly reasoning_content?: string | null;
  readonly tool_calls?: readonly DashScopeToolCallDelta[];
}

/** One choice of a streamed frame. */
export interface DashScopeChunkChoice {
  readonly index: number;
  readonly delta: DashScopeDelta;
  /** `null` until the finish frame; absent (with `logprobs`) on the later tool-call deltas. */
  readonly finish_reason?: DashScopeFinishReason | null;
  readonly logprobs?: null;
}

/**
 * One streamed frame (`data: {…}`). `id` and `created` are the same on every frame of a stream;
 * `usage` is `null` (present, not missing) on every frame but the usage frame, whose `choices` is
 * `[]`.
 */
export interface DashScopeChunk {
  readonly choices: readonly DashScopeChunkChoice[];
  readonly object: typeof CHUNK_OBJECT;
  readonly usage: DashScopeUsage | null;
  /** Unix seconds. */
  readonly created: number;
  readonly system_fingerprint: null;
  /** The model id as the request spelled it. */
  readonly model: string;
  /** `chatcmpl-<request UUID>`. */
  readonly id: string;
}
