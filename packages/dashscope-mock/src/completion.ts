import {
  COMPLETION_OBJECT,
  type DashScopeCompletion,
  type DashScopeMessage,
  type DashScopeToolCall,
  TOOL_CALL_TYPE,
} from "@qwenkit/core/wire";
import { contentPiece, type ReplyPlan, reasoningPiece } from "./reply.js";

function joinPieces(count: number, piece: (index: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(piece(i));
  return parts.join("");
}

/** The assistant message of a non-streamed reply, in DashScope's key order. */
function message(plan: ReplyPlan): DashScopeMessage {
  const content = joinPieces(plan.contentChunks, (i) => contentPiece(plan, i));
  if (plan.toolCalls.length > 0) {
    const tool_calls = plan.toolCalls.map(
      (call): DashScopeToolCall => ({
        function: { name: call.name, arguments: call.arguments },
        index: call.index,
        id: call.id,
        type: TOOL_CALL_TYPE,
      }),
    );
    return plan.thinking
      ? {
          content,
          reasoning_content: joinPieces(plan.reasoningChunks, (i) => reasoningPiece(i)),
          role: "assistant",
          tool_calls,
        }
      : { content, role: "assistant", tool_calls };
  }
  if (plan.thinking) {
    return {
      content,
      reasoning_content: joinPieces(plan.reasoningChunks, (i) => reasoningPiece(i)),
      role: "assistant",
    };
  }
  return { role: "assistant", content };
}

/** The `chat.completion` body of a non-streamed reply (usage always included). */
export function completionBody(plan: ReplyPlan): string {
  return JSON.stringify({
    choices: [{ message: message(plan), finish_reason: plan.finishReason, index: 0, logprobs: null }],
    object: COMPLETION_OBJECT,
    usage: plan.usage,
    created: plan.created,
    system_fingerprint: null,
    model: plan.model,
    id: plan.id,
  } satisfies DashScopeCompletion);
}
