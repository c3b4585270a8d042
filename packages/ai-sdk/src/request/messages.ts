import type {
  LanguageModelV4Prompt,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
} from "@ai-sdk/provider";
import type { QwenChatRequest } from "@qwenkit/provider";
import { imageUrl } from "./image-url.js";

type ChatMessage = QwenChatRequest["messages"][number];
type UserContent = Extract<ChatMessage, { role: "user" }>["content"];
type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;
type ToolCall = NonNullable<AssistantMessage["tool_calls"]>[number];

/** An assistant message with DashScope's `reasoning_content` (the model's earlier thinking). */
type AssistantMessageWithReasoning = AssistantMessage & { reasoning_content?: string };

/**
 * The AI SDK's prompt as Chat Completions messages. Images go as `image_url` parts; tool results
 * as `tool` messages (JSON values serialized); an assistant turn's reasoning goes back as
 * `reasoning_content` when it belongs to the current round (after the last user message, where a
 * tool loop needs it) or when `preserveThinking` asks for every turn's.
 *
 * @throws UnsupportedFunctionalityError for file parts that are not images.
 */
export function toChatMessages(
  prompt: LanguageModelV4Prompt,
  options: { readonly preserveThinking: boolean },
): ChatMessage[] {
  const lastUser = prompt.findLastIndex((message) => message.role === "user");
  const messages: ChatMessage[] = [];
  for (const [index, message] of prompt.entries()) {
    switch (message.role) {
      case "system":
        messages.push({ role: "system", content: message.content });
        break;
      case "user":
        messages.push({ role: "user", content: userContent(message.content) });
        break;
      case "assistant": {
        const keepReasoning = options.preserveThinking || index > lastUser;
        const assistant = assistantMessage(message.content, keepReasoning);
        if (assistant !== undefined) messages.push(assistant);
        break;
      }
      case "tool":
        for (const part of message.content) {
          if (part.type === "tool-result") messages.push(toolMessage(part));
        }
        break;
    }
  }
  return messages;
}

type UserParts = Extract<LanguageModelV4Prompt[number], { role: "user" }>["content"];

function userContent(parts: UserParts): UserContent {
  const [only] = parts;
  if (parts.length === 1 && only?.type === "text") return only.text;
  return parts.map((part) =>
    part.type === "text"
      ? { type: "text" as const, text: part.text }
      : { type: "image_url" as const, image_url: { url: imageUrl(part) } },
  );
}

type AssistantParts = Extract<LanguageModelV4Prompt[number], { role: "assistant" }>["content"];

function assistantMessage(parts: AssistantParts, keepReasoning: boolean): ChatMessage | undefined {
  let text = "";
  let reasoning = "";
  const toolCalls: ToolCall[] = [];
  for (const part of parts) {
    if (part.type === "text") text += part.text;
    else if (part.type === "reasoning" && keepReasoning) reasoning += part.text;
    else if (part.type === "tool-call") {
      toolCalls.push({
        id: part.toolCallId,
        type: "function",
        function: { name: part.toolName, arguments: JSON.stringify(part.input) },
      });
    }
  }
  if (text === "" && reasoning === "" && toolCalls.length === 0) return undefined;
  const message: AssistantMessageWithReasoning = {
    role: "assistant",
    content: text === "" && toolCalls.length > 0 ? null : text,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    ...(reasoning === "" ? {} : { reasoning_content: reasoning }),
  };
  return message;
}

function toolMessage(part: LanguageModelV4ToolResultPart): ChatMessage {
  return { role: "tool", tool_call_id: part.toolCallId, content: toolOutputText(part.output) };
}

function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case "text":
    case "error-text":
      return output.value;
    case "execution-denied":
      return output.reason ?? "The tool call was not executed: the user denied it.";
    case "json":
    case "error-json":
    case "content":
      return JSON.stringify(output.value);
  }
}
