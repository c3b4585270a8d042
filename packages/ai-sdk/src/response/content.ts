import type { LanguageModelV4Content, LanguageModelV4ResponseMetadata } from "@ai-sdk/provider";
import type { QwenChatResult, QwenToolCall } from "@qwenkit/provider";

/** A finished call's output as AI SDK content, in the order the model produced it: thinking, answer, tool calls. */
export function toContent(result: QwenChatResult): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (result.reasoning !== "") content.push({ type: "reasoning", text: result.reasoning });
  if (result.text !== "") content.push({ type: "text", text: result.text });
  for (const call of result.toolCalls) content.push(toToolCallPart(call));
  return content;
}

/**
 * A complete tool call as the AI SDK's `tool-call` part. `input` is the arguments text as the
 * model sent it (the AI SDK parses and validates it against the tool's schema); a call without
 * arguments gets `{}`.
 */
export function toToolCallPart(call: QwenToolCall): Extract<LanguageModelV4Content, { type: "tool-call" }> {
  return {
    type: "tool-call",
    toolCallId: call.id,
    toolName: call.name,
    input: call.arguments.trim() === "" ? "{}" : call.arguments,
  };
}

/** The response's id, model and creation time as the AI SDK's response metadata; what DashScope did not send stays out. */
export function toResponseMetadata(result: QwenChatResult): LanguageModelV4ResponseMetadata {
  return {
    ...(result.id === undefined ? {} : { id: result.id }),
    ...(result.model === undefined ? {} : { modelId: result.model }),
    ...(result.created === undefined ? {} : { timestamp: new Date(result.created * 1000) }),
  };
}
