import type { LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { QwenChatRequest } from "@qwenkit/provider";

/** The request fields for the call's tools. */
export type ToolFields = Pick<QwenChatRequest, "tools" | "tool_choice">;

/**
 * The call's function tools as Chat Completions `tools` and its tool choice as `tool_choice`
 * (`auto`, `none`, `required`, or a named function). No tools: neither field. Provider-defined
 * tools (another provider's built-ins) cannot run on DashScope and are left out with a warning.
 */
export function toToolFields(
  tools: LanguageModelV4CallOptions["tools"],
  toolChoice: LanguageModelV4CallOptions["toolChoice"],
  warnings: SharedV4Warning[],
): ToolFields {
  const functions: NonNullable<QwenChatRequest["tools"]> = [];
  for (const tool of tools ?? []) {
    if (tool.type === "provider") {
      warnings.push({ type: "unsupported", feature: `provider-defined tool ${tool.id}` });
      continue;
    }
    functions.push({
      type: "function",
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.inputSchema as Record<string, unknown>,
        ...(tool.strict === undefined ? {} : { strict: tool.strict }),
      },
    });
  }
  if (functions.length === 0) return {};
  if (toolChoice === undefined) return { tools: functions };
  return {
    tools: functions,
    tool_choice:
      toolChoice.type === "tool"
        ? { type: "function", function: { name: toolChoice.toolName } }
        : toolChoice.type,
  };
}
