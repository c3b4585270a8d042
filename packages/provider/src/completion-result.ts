import type { DashScopeCompletion, DashScopeToolCall, Received } from "@qwenkit/core/wire";
import { nonEmpty } from "./non-empty.js";
import { requestIdFromCompletionId } from "./request-id.js";
import type { QwenChatResult } from "./result.js";
import type { AssemblyMeta } from "./stream-assembler.js";
import { parseToolArguments, type QwenToolCall } from "./tool-call.js";
import { normalizeUsage } from "./usage.js";

/** Builds the result of a non-streaming call from its parsed `chat.completion` body. */
export function resultFromCompletion(
  completion: Received<DashScopeCompletion>,
  meta: AssemblyMeta = {},
): QwenChatResult {
  const choice = Array.isArray(completion.choices)
    ? completion.choices.find((candidate) => (candidate.index ?? 0) === 0)
    : undefined;
  const message = choice?.message;
  const id = nonEmpty(completion.id) ? completion.id : undefined;
  const wireCalls: readonly Received<DashScopeToolCall>[] = message?.tool_calls ?? [];
  const toolCalls: QwenToolCall[] = wireCalls.map((call, index) => {
    const args = call.function?.arguments ?? "";
    return {
      index,
      id: call.id ?? "",
      name: call.function?.name ?? "",
      arguments: args,
      parsed: parseToolArguments(args),
    };
  });
  return {
    id,
    requestId: meta.requestId ?? requestIdFromCompletionId(id),
    model: nonEmpty(completion.model) ? completion.model : undefined,
    text: message?.content ?? "",
    reasoning: message?.reasoning_content ?? "",
    toolCalls,
    finishReason: nonEmpty(choice?.finish_reason) ? choice.finish_reason : undefined,
    usage: normalizeUsage(completion.usage),
    warnings: meta.warnings ?? [],
  };
}
