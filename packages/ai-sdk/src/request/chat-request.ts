import type { LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import type { QwenChatRequest } from "@qwenkit/provider";
import { toChatMessages } from "./messages.js";
import { parseChatOptions } from "./provider-options.js";
import { toJsonMode } from "./response-format.js";
import { toToolFields } from "./tools.js";

/** The key of this provider's options in `providerOptions`. */
export const PROVIDER_OPTIONS_KEY = "qwen";

/**
 * The AI SDK's call settings and the Chat Completions field each becomes. qwenkit's shaping then
 * sends them as each endpoint wants: `max_tokens` goes out as `max_completion_tokens` on
 * DashScope's hosts; `top_k` is DashScope's own field.
 */
const SETTING_FIELDS = {
  maxOutputTokens: "max_tokens",
  temperature: "temperature",
  topP: "top_p",
  topK: "top_k",
  presencePenalty: "presence_penalty",
  frequencyPenalty: "frequency_penalty",
  seed: "seed",
  stopSequences: "stop",
} as const satisfies Partial<Record<keyof LanguageModelV4CallOptions, string>>;

/** A call in qwenkit's terms, before shaping, and what the adapter could not carry over. */
export interface ChatCall {
  readonly request: QwenChatRequest;
  readonly warnings: readonly SharedV4Warning[];
}

/**
 * Builds the qwenkit chat request for an AI SDK call: messages, settings, tools, JSON mode,
 * thinking (`providerOptions.qwen.enableThinking` / `thinkingBudget`, else the call's
 * `reasoning` as `reasoning_effort`, which qwenkit maps to DashScope's thinking switch) and
 * DashScope's own options. Pure; the endpoint's rules are applied later by qwenkit's shaping.
 *
 * @throws InvalidArgumentError for a malformed `providerOptions.qwen` value.
 * @throws UnsupportedFunctionalityError for prompt parts DashScope cannot take.
 */
export function toChatCall(options: LanguageModelV4CallOptions): ChatCall {
  const warnings: SharedV4Warning[] = [];
  const parsed = parseChatOptions(options.providerOptions?.[PROVIDER_OPTIONS_KEY]);
  warnings.push(...parsed.warnings);
  const { enableThinking, thinkingBudget, preserveThinking, structuredOutputs } = parsed.options;

  const fields: Record<string, unknown> = {};
  for (const [setting, field] of Object.entries(SETTING_FIELDS)) {
    const value = options[setting as keyof typeof SETTING_FIELDS];
    if (value !== undefined) fields[field] = value;
  }

  const messages = toChatMessages(options.prompt, { preserveThinking: preserveThinking === true });
  const jsonMode = toJsonMode(options.responseFormat, structuredOutputs !== false);
  if (jsonMode?.instruction !== undefined) {
    messages.unshift({ role: "system", content: jsonMode.instruction });
  }
  if (options.includeRawChunks === true) {
    warnings.push({
      type: "unsupported",
      feature: "includeRawChunks",
      details: "qwenkit reads the stream itself and hands on events, not the raw chunks.",
    });
  }

  const thinking =
    enableThinking === undefined && thinkingBudget === undefined
      ? undefined
      : {
          // A budget alone means thinking on.
          enabled: enableThinking ?? true,
          ...(thinkingBudget === undefined ? {} : { budgetTokens: thinkingBudget }),
        };
  const reasoning = options.reasoning;

  const request = {
    ...fields,
    messages,
    ...toToolFields(options.tools, options.toolChoice, warnings),
    ...(jsonMode === undefined ? {} : { response_format: jsonMode.responseFormat }),
    ...(thinking === undefined ? {} : { thinking }),
    ...(reasoning === undefined || reasoning === "provider-default" ? {} : { reasoning_effort: reasoning }),
    ...parsed.bodyFields,
  } as QwenChatRequest;
  return { request, warnings };
}
