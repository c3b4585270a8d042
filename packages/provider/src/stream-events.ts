import type { QwenFinishReason } from "./result.js";
import type { QwenToolCall } from "./tool-call.js";
import type { QwenUsage } from "./usage.js";

/**
 * One event of a {@link QwenChatStream}, in wire order.
 *
 * - `reasoning` / `text`: a fragment of thinking or answer text (never empty).
 * - `tool-call-delta`: a fragment of a tool call; `id` and `name` are the call's (known from its
 *   first fragment), `argumentsDelta` the new piece of the arguments text (may be empty on the
 *   first fragment).
 * - `tool-call`: a tool call is complete (emitted when the finish frame arrives), arguments parsed.
 * - `finish`: the finish reason, even when it came in a frame with an empty delta.
 * - `usage`: token usage, from the final `choices: []` frame.
 */
export type QwenStreamEvent =
  | { readonly type: "reasoning"; readonly delta: string }
  | { readonly type: "text"; readonly delta: string }
  | {
      readonly type: "tool-call-delta";
      readonly index: number;
      readonly id: string;
      readonly name: string;
      readonly argumentsDelta: string;
    }
  | { readonly type: "tool-call"; readonly toolCall: QwenToolCall }
  | { readonly type: "finish"; readonly finishReason: QwenFinishReason }
  | { readonly type: "usage"; readonly usage: QwenUsage };
