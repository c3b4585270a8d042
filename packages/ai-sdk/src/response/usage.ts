import type { LanguageModelV4Usage } from "@ai-sdk/provider";
import type { QwenUsage } from "@qwenkit/provider";

/**
 * qwenkit's usage in the AI SDK's shape. DashScope counts cache reads and writes inside
 * `prompt_tokens` and reasoning inside `completion_tokens`, so the uncached input and the text
 * output are what remains. Counts DashScope did not report stay `undefined`, and a call without a
 * usage frame has every count `undefined`, never zero.
 */
export function toUsage(usage: QwenUsage | undefined): LanguageModelV4Usage {
  if (usage === undefined) {
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const { inputTokens, outputTokens, cachedInputTokens, cacheCreationInputTokens, reasoningTokens } = usage;
  return {
    inputTokens: {
      total: inputTokens,
      noCache: inputTokens - (cachedInputTokens ?? 0) - (cacheCreationInputTokens ?? 0),
      cacheRead: cachedInputTokens,
      cacheWrite: cacheCreationInputTokens,
    },
    outputTokens: {
      total: outputTokens,
      text: outputTokens - (reasoningTokens ?? 0),
      reasoning: reasoningTokens,
    },
  };
}
