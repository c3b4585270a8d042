import type { LanguageModelV4FinishReason } from "@ai-sdk/provider";
import type { QwenFinishReason } from "@qwenkit/provider";

type UnifiedFinishReason = LanguageModelV4FinishReason["unified"];

/** DashScope's finish reasons (the OpenAI set) and what the AI SDK calls them; any other is `other`. */
const UNIFIED_FINISH_REASONS: Readonly<Record<string, UnifiedFinishReason>> = {
  stop: "stop",
  length: "length",
  tool_calls: "tool-calls",
  function_call: "tool-calls",
  content_filter: "content-filter",
};

/** The AI SDK's finish reason for DashScope's, keeping the raw value. */
export function toFinishReason(raw: QwenFinishReason | undefined): LanguageModelV4FinishReason {
  const unified =
    raw !== undefined && Object.hasOwn(UNIFIED_FINISH_REASONS, raw) ? UNIFIED_FINISH_REASONS[raw] : undefined;
  return { unified: unified ?? "other", raw };
}
