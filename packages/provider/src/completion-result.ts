import type { DashScopeCompletion, DashScopeToolCall, Received } from "@qwenkit/core/wire";
import { maskEchoedSecrets, type WireMasking, wireField } from "./errors/wire-text.js";
import { nonEmpty } from "./non-empty.js";
import { requestIdFromCompletionId } from "./request-id.js";
import type { QwenChatResult, QwenFinishReason } from "./result.js";
import type { AssemblyMeta } from "./stream-assembler.js";
import { parseToolArguments, type QwenToolCall } from "./tool-call.js";
import { normalizeUsage } from "./usage.js";

/**
 * Builds the result of a non-streaming call from its parsed `chat.completion` body, masking what
 * the server echoes as a {@link StreamAssembler} does (see {@link WireMasking}).
 */
export function resultFromCompletion(
  completion: Received<DashScopeCompletion>,
  meta: AssemblyMeta = {},
  masking: WireMasking = {},
): QwenChatResult {
  const { secrets } = masking;
  const output = (text: string | null | undefined) =>
    maskEchoedSecrets(typeof text === "string" ? text : "", secrets);
  const choice = Array.isArray(completion.choices)
    ? completion.choices.find((candidate) => (candidate.index ?? 0) === 0)
    : undefined;
  const message = choice?.message;
  const id = nonEmpty(completion.id) ? wireField(completion.id, secrets) : undefined;
  const wireCalls: readonly Received<DashScopeToolCall>[] = Array.isArray(message?.tool_calls)
    ? message.tool_calls
    : [];
  const toolCalls: QwenToolCall[] = wireCalls.map((call, index) => {
    const args = output(call.function?.arguments);
    return {
      index,
      id: wireField(call.id ?? "", secrets) ?? "",
      name: wireField(call.function?.name ?? "", secrets) ?? "",
      arguments: args,
      parsed: parseToolArguments(args),
    };
  });
  return {
    id,
    requestId: wireField(meta.requestId, secrets) ?? requestIdFromCompletionId(id),
    model: nonEmpty(completion.model) ? wireField(completion.model, secrets) : undefined,
    text: output(message?.content),
    reasoning: output(message?.reasoning_content),
    toolCalls,
    finishReason: nonEmpty(choice?.finish_reason)
      ? (wireField(choice.finish_reason, secrets) as QwenFinishReason)
      : undefined,
    usage: normalizeUsage(completion.usage),
    warnings: meta.warnings ?? [],
  };
}
