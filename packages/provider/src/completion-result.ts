import type { DashScopeCompletion, DashScopeToolCall, Received } from "@qwenkit/core/wire";
import { unixSeconds } from "./created.js";
import { maskEchoedSecrets, type WireMasking, wireField } from "./errors/wire-text.js";
import { nonEmpty } from "./non-empty.js";
import { requestIdFromCompletionId } from "./request-id.js";
import type { QwenChatResult, QwenFinishReason } from "./result.js";
import type { AssemblyMeta } from "./stream-assembler.js";
import { parseToolArguments, type QwenToolCall } from "./tool-call.js";
import { normalizeUsage } from "./usage.js";

/**
 * A 2xx body that parsed as JSON but is not a `chat.completion` with a first choice: a proxy's or
 * gateway's answer, not DashScope's. A `SyntaxError`, so it is classified `malformed-response` as
 * a body that is not JSON is, instead of passing for an empty answer.
 */
export class NotACompletion extends SyntaxError {
  override readonly name = "NotACompletion";
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Builds the result of a non-streaming call from its parsed `chat.completion` body, masking what
 * the server echoes as a {@link StreamAssembler} does (see {@link WireMasking}).
 *
 * @throws {@link NotACompletion} when the body is not an object whose `choices` hold a choice
 * object (index 0) with a `message` object.
 */
export function resultFromCompletion(
  completion: Received<DashScopeCompletion>,
  meta: AssemblyMeta = {},
  masking: WireMasking = {},
): QwenChatResult {
  const { secrets } = masking;
  const output = (text: string | null | undefined) =>
    maskEchoedSecrets(typeof text === "string" ? text : "", secrets);
  const received: unknown = completion;
  const choices = isObject(received) && Array.isArray(completion.choices) ? completion.choices : undefined;
  if (choices === undefined) {
    throw new NotACompletion("the response body is not a chat.completion (no choices array)");
  }
  const choice = choices.find((candidate) => isObject(candidate) && (candidate.index ?? 0) === 0);
  if (choice === undefined || !isObject(choice.message)) {
    throw new NotACompletion("the response body is a chat.completion without a first choice and its message");
  }
  const message = choice.message;
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
    created: unixSeconds(completion.created),
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
