/**
 * Token usage of one request, normalized from DashScope's `usage` object.
 *
 * The detail counts are `undefined` when DashScope did not report them (not zero): a model
 * without thinking sends no `reasoning_tokens`, a request without explicit cache sends no
 * `cache_creation_input_tokens`. The usage of a whole request is itself `undefined` on a result
 * when no usage arrived (see {@link QwenChatResult.usage}).
 */
export interface QwenUsage {
  /** `prompt_tokens`. */
  readonly inputTokens: number;
  /** `completion_tokens` (reasoning tokens are counted inside it). */
  readonly outputTokens: number;
  /** `total_tokens`, or input + output when the field is missing. */
  readonly totalTokens: number;
  /** `prompt_tokens_details.cached_tokens`: input tokens served from the context cache. */
  readonly cachedInputTokens: number | undefined;
  /** `prompt_tokens_details.cache_creation_input_tokens`: input tokens written to an explicit cache. */
  readonly cacheCreationInputTokens: number | undefined;
  /** `completion_tokens_details.reasoning_tokens`: thinking tokens (part of `outputTokens`). */
  readonly reasoningTokens: number | undefined;
}

const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Normalizes a wire `usage` object. Returns `undefined` for `null` (the value every chunk before
 * the usage frame carries) and for anything without the two required counts.
 */
export function normalizeUsage(raw: unknown): QwenUsage | undefined {
  const inputTokens = count(field(raw, "prompt_tokens"));
  const outputTokens = count(field(raw, "completion_tokens"));
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  const promptDetails = field(raw, "prompt_tokens_details");
  const completionDetails = field(raw, "completion_tokens_details");
  return {
    inputTokens,
    outputTokens,
    totalTokens: count(field(raw, "total_tokens")) ?? inputTokens + outputTokens,
    cachedInputTokens: count(field(promptDetails, "cached_tokens")),
    cacheCreationInputTokens: count(field(promptDetails, "cache_creation_input_tokens")),
    reasoningTokens: count(field(completionDetails, "reasoning_tokens")),
  };
}
