import type { EndpointCapabilities, ModelInfo } from "@qwenkit/core";
import { modelInfo } from "@qwenkit/core/advanced";
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions/completions";

/**
 * qwenkit's typed thinking switch. On DashScope it becomes top-level `enable_thinking` and
 * `thinking_budget` (the maximum number of reasoning tokens).
 */
export interface QwenThinkingOption {
  readonly enabled: boolean;
  /** Positive integer; only meaningful with `enabled: true`. */
  readonly budgetTokens?: number;
}

/** DashScope's own body fields for thinking models. */
export interface DashScopeThinkingParams {
  readonly enable_thinking?: boolean;
  readonly thinking_budget?: number;
}

/** A chat request body as a caller writes it: OpenAI's fields plus DashScope's and qwenkit's. */
export type ChatRequestBody = Omit<ChatCompletionCreateParamsBase, "stream"> &
  DashScopeThinkingParams & {
    readonly stream?: boolean | null;
    readonly thinking?: QwenThinkingOption;
  };

/** A body ready for `client.chat.completions.create` (DashScope fields pass through untouched). */
export type ShapedChatBody = Omit<ChatCompletionCreateParamsBase, "stream"> &
  DashScopeThinkingParams & { stream?: boolean };

/** What shaping changed in a way the caller should know (routine renames are not reported). */
export type QwenRequestWarningCode =
  | "reasoning-effort-mapped" // reasoning_effort translated to enable_thinking / thinking_budget
  | "reasoning-effort-ignored" // reasoning_effort dropped: thinking was set explicitly, or unknown value
  | "max-tokens-dropped" // both max_tokens and max_completion_tokens given; max_tokens dropped
  | "thinking-disabled-for-json-mode" // json response_format: thinking switched off
  | "json-mode-with-always-thinking" // json response_format on a model that always thinks
  | "thinking-requires-streaming"; // thinking asked for on a non-streaming call

/** One note from {@link shapeChatRequest}. */
export interface QwenRequestWarning {
  readonly code: QwenRequestWarningCode;
  readonly message: string;
}

/** Inputs of {@link shapeChatRequest}. */
export interface ShapeChatRequestOptions {
  /** What the endpoint accepts: `capabilitiesForBaseUrl(baseUrl)` from `@qwenkit/core`. */
  readonly capabilities: EndpointCapabilities;
  /** The model's catalog entry; default `modelInfo(body.model)`. Only `thinking` is read. */
  readonly model?: Pick<ModelInfo, "thinking">;
  /** Whether the request streams; default `body.stream === true`. */
  readonly stream?: boolean;
}

/** The outcome of {@link shapeChatRequest}. */
export interface ShapedChatRequest {
  readonly body: ShapedChatBody;
  readonly warnings: readonly QwenRequestWarning[];
}

/**
 * How `reasoning_effort` maps onto DashScope's thinking switch (DashScope has no
 * `reasoning_effort`). `none` turns thinking off; the low efforts cap the reasoning tokens; the
 * high ones think with the model's own default budget.
 */
export const REASONING_EFFORT_THINKING = {
  none: { enabled: false },
  minimal: { enabled: true, budgetTokens: 1_024 },
  low: { enabled: true, budgetTokens: 4_096 },
  medium: { enabled: true, budgetTokens: 16_384 },
  high: { enabled: true },
  xhigh: { enabled: true },
  max: { enabled: true },
} as const satisfies Readonly<Record<string, QwenThinkingOption>>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Thinking = { readonly enabled: boolean | undefined; readonly budgetTokens: number | undefined };

const JSON_FORMATS: ReadonlySet<string> = new Set(["json_object", "json_schema"]);

/**
 * Shapes an OpenAI-style chat request for an endpoint, driven only by its capabilities (the
 * rules of docs/dashscope.md#request-rules). Pure: the input is not modified. On a native DashScope endpoint it
 *
 * - adds `stream_options.include_usage: true` when streaming (unless the body sets it, or the
 *   capabilities say the model's config turned streaming usage off), and drops `stream_options`
 *   when not streaming;
 * - sends `developer` messages as `system`;
 * - renames `max_tokens` to `max_completion_tokens`;
 * - translates `thinking: { enabled, budgetTokens }` to `enable_thinking` / `thinking_budget`
 *   (on every endpoint: `thinking` is qwenkit's option, not a wire field); precedence is
 *   `thinking` > raw `enable_thinking` / `thinking_budget` > `reasoning_effort`, which is mapped by
 *   {@link REASONING_EFFORT_THINKING} and never sent;
 * - sends `enable_thinking: false` on non-streaming calls to hybrid-thinking models unless
 *   thinking was asked for (then it warns `thinking-requires-streaming`; `QwenProvider.chat`
 *   streams such calls itself);
 * - with `response_format` `json_object` / `json_schema`, turns thinking off (DashScope rejects
 *   the combination), warning when that overrides an explicit request;
 * - omits `tools: []` (with `tool_choice` and `parallel_tool_calls`, meaningless without tools).
 *
 * @throws TypeError when `thinking.budgetTokens` is not a positive integer.
 */
export function shapeChatRequest(body: ChatRequestBody, options: ShapeChatRequestOptions): ShapedChatRequest {
  const { capabilities } = options;
  const stream = options.stream ?? body.stream === true;
  const model = options.model ?? modelInfo(body.model);
  const warnings: QwenRequestWarning[] = [];
  const {
    thinking: thinkingOption,
    enable_thinking,
    thinking_budget,
    reasoning_effort,
    stream: _stream,
    stream_options,
    ...rest
  } = body;
  const out: Mutable<ShapedChatBody> = { ...rest };
  if (stream) out.stream = true;

  if (stream && capabilities.streamingUsage) {
    out.stream_options =
      stream_options?.include_usage === undefined
        ? { ...stream_options, include_usage: true }
        : stream_options;
  } else if (stream_options != null && (stream || !capabilities.native)) {
    out.stream_options = stream_options;
  }

  if (!capabilities.developerRole) {
    out.messages = body.messages.map(developerAsSystem);
  }

  if (capabilities.maxTokensField === "max_completion_tokens" && body.max_tokens != null) {
    delete out.max_tokens;
    if (body.max_completion_tokens == null) {
      out.max_completion_tokens = body.max_tokens;
    } else {
      warnings.push({
        code: "max-tokens-dropped",
        message: `Both max_tokens (${body.max_tokens}) and max_completion_tokens (${body.max_completion_tokens}) were set; max_completion_tokens is used.`,
      });
    }
  }

  let thinking: Thinking;
  if (thinkingOption !== undefined) {
    thinking = { enabled: thinkingOption.enabled, budgetTokens: checkedBudget(thinkingOption.budgetTokens) };
  } else {
    thinking = { enabled: enable_thinking, budgetTokens: thinking_budget };
  }
  const explicit = thinking.enabled !== undefined || thinking.budgetTokens !== undefined;

  if (capabilities.thinkingParams === "dashscope") {
    if (reasoning_effort != null) {
      if (explicit) {
        warnings.push({
          code: "reasoning-effort-ignored",
          message: `reasoning_effort "${reasoning_effort}" was dropped: thinking is set explicitly and DashScope has no reasoning_effort.`,
        });
      } else {
        thinking = fromReasoningEffort(reasoning_effort, warnings);
      }
    }
    const thinkingWanted = thinking.enabled === true || (thinking.enabled === undefined && explicit);
    const json = isJsonFormat(body.response_format) && !capabilities.jsonModeWithThinking;
    if (json) {
      if (model.thinking.kind === "always") {
        warnings.push({
          code: "json-mode-with-always-thinking",
          message: `The model always thinks and DashScope rejects ${body.response_format?.type} with thinking; expect a 400 or drop response_format.`,
        });
      } else {
        if (thinkingWanted) {
          warnings.push({
            code: "thinking-disabled-for-json-mode",
            message: `Thinking was turned off: DashScope rejects ${body.response_format?.type} together with thinking.`,
          });
        }
        thinking = { enabled: false, budgetTokens: undefined };
      }
    } else if (!stream && !capabilities.nonStreamingThinking) {
      if (thinkingWanted) {
        warnings.push({
          code: "thinking-requires-streaming",
          message:
            "DashScope only thinks on streaming calls; send this request with stream: true (QwenProvider.chat does so by itself).",
        });
      } else if (thinking.enabled === undefined && model.thinking.kind === "hybrid") {
        thinking = { enabled: false, budgetTokens: undefined };
      }
    }
  } else if (reasoning_effort !== undefined) {
    out.reasoning_effort = reasoning_effort;
  }

  if (thinking.enabled !== undefined) out.enable_thinking = thinking.enabled;
  if (thinking.budgetTokens !== undefined && thinking.enabled !== false)
    out.thinking_budget = thinking.budgetTokens;

  if (capabilities.rejectsEmptyTools && Array.isArray(body.tools) && body.tools.length === 0) {
    delete out.tools;
    delete out.tool_choice;
    delete out.parallel_tool_calls;
  }

  return { body: out, warnings };
}

function developerAsSystem(message: ChatCompletionMessageParam): ChatCompletionMessageParam {
  return message.role === "developer" ? { ...message, role: "system" } : message;
}

function checkedBudget(budget: number | undefined): number | undefined {
  if (budget === undefined || (Number.isSafeInteger(budget) && budget > 0)) return budget;
  throw new TypeError(`thinking.budgetTokens must be a positive integer, got ${String(budget)}.`);
}

function fromReasoningEffort(effort: string, warnings: QwenRequestWarning[]): Thinking {
  const mapped: QwenThinkingOption | undefined = Object.hasOwn(REASONING_EFFORT_THINKING, effort)
    ? REASONING_EFFORT_THINKING[effort as keyof typeof REASONING_EFFORT_THINKING]
    : undefined;
  if (mapped === undefined) {
    warnings.push({
      code: "reasoning-effort-ignored",
      message: `reasoning_effort "${effort}" is unknown and was dropped; use thinking: { enabled, budgetTokens }.`,
    });
    return { enabled: undefined, budgetTokens: undefined };
  }
  const budget = mapped.budgetTokens === undefined ? "" : `, thinking_budget: ${mapped.budgetTokens}`;
  warnings.push({
    code: "reasoning-effort-mapped",
    message: `reasoning_effort "${effort}" was sent as enable_thinking: ${mapped.enabled}${budget} (DashScope has no reasoning_effort).`,
  });
  return { enabled: mapped.enabled, budgetTokens: mapped.budgetTokens };
}

function isJsonFormat(format: ChatRequestBody["response_format"]): boolean {
  return format != null && JSON_FORMATS.has(format.type);
}
