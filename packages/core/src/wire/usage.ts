/**
 * Token counts as DashScope sends them: on the stream's usage frame (`choices: []`, only when the
 * request asked with `stream_options.include_usage`) and on every non-streamed body.
 */
export interface DashScopeUsage {
  readonly prompt_tokens: number;
  /** Includes `completion_tokens_details.reasoning_tokens` for thinking models. */
  readonly completion_tokens: number;
  readonly total_tokens: number;
  /** Thinking models (`text_tokens`), context cache hits (`cached_tokens`), explicit cache writes. */
  readonly prompt_tokens_details?: {
    readonly text_tokens?: number;
    readonly cached_tokens?: number;
    readonly cache_creation_input_tokens?: number;
  };
  /** Thinking models only. */
  readonly completion_tokens_details?: {
    readonly reasoning_tokens?: number;
    readonly text_tokens?: number;
  };
}
