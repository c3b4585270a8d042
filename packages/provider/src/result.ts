import type { QwenRequestWarning } from "./shape-request.js";
import type { QwenToolCall } from "./tool-call.js";
import type { QwenUsage } from "./usage.js";

/** Why the model stopped. DashScope sends the first three; others pass through as sent. */
export type QwenFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | (string & {});

/**
 * The aggregated outcome of a chat call, streaming or not.
 *
 * On a stream that failed or was aborted, the same shape is the partial result attached to the
 * error (`QwenApiError.partial`): whatever had arrived, with `finishReason` and `usage` still
 * `undefined` when their frames never came.
 */
export interface QwenChatResult {
  /** The completion id (`chatcmpl-<uuid>`), when one arrived. */
  readonly id: string | undefined;
  /** `x-request-id` of the response, else the UUID inside the completion id. Quote it to support. */
  readonly requestId: string | undefined;
  /** The model that answered, as the server named it. */
  readonly model: string | undefined;
  /** When the server dated the response, in Unix seconds (the wire's `created`), when it did. */
  readonly created: number | undefined;
  /** The answer text (all `content` deltas). `""` when the model produced none. */
  readonly text: string;
  /** The thinking text (all `reasoning_content` deltas). `""` when the model did not think. */
  readonly reasoning: string;
  /** Tool calls in wire order, arguments parsed. */
  readonly toolCalls: readonly QwenToolCall[];
  /** `undefined` when no finish reason arrived (interrupted or aborted stream). */
  readonly finishReason: QwenFinishReason | undefined;
  /**
   * Token usage, or `undefined` when the server reported none (never zero-filled): a stream
   * without `stream_options.include_usage`, or one cut off before its usage frame.
   */
  readonly usage: QwenUsage | undefined;
  /** What request shaping changed that the caller should know about. */
  readonly warnings: readonly QwenRequestWarning[];
}
