/** A dated list of the model ids a plan's hosts serve. */
export interface ModelList {
  /** The day the list was checked against its source (ISO date). */
  readonly asOf: string;
  /** Where the ids come from. */
  readonly source: string;
  readonly models: readonly string[];
}

/**
 * The public model ids Model Studio's Pay-as-you-go hosts serve through the OpenAI-compatible API
 * (commercial Qwen models with their dated snapshots, the open Qwen models, and the third-party
 * models Model Studio hosts). Ids are case-sensitive, as DashScope's are. Limits and thinking
 * behaviour come from the catalog of `@qwenkit/core` when it knows the model, otherwise from its
 * unknown-model defaults: the list adds ids, not facts about them.
 */
export const PAY_AS_YOU_GO_MODELS = {
  asOf: "2026-12-01",
  source:
    "Alibaba Cloud Model Studio documentation, 'Models' (model list) and 'Model invocation pricing', international and China editions",
  models: [
    // Commercial Qwen: the stable ids, then their dated snapshots.
    "qwen-max",
    "qwen-max-latest",
    "qwen-max-2025-01-25",
    "qwen-plus",
    "qwen-plus-latest",
    "qwen-plus-2025-12-01",
    "qwen-plus-2025-09-11",
    "qwen-plus-2025-07-28",
    "qwen-plus-2025-07-14",
    "qwen-plus-2025-04-28",
    "qwen-plus-2025-01-25",
    "qwen-flash",
    "qwen-flash-2025-07-28",
    "qwen-turbo",
    "qwen-turbo-latest",
    "qwen-turbo-2025-07-15",
    "qwen-turbo-2025-04-28",
    "qwen-long",
    "qwen-long-latest",
    "qwq-plus",
    // Qwen3 and later families.
    "qwen3-max",
    "qwen3-max-2025-09-23",
    "qwen3-max-2026-01-23",
    "qwen3-max-preview",
    "qwen3.5-plus",
    "qwen3.5-flash",
    "qwen3.6-plus",
    "qwen3.6-flash",
    "qwen3.7-plus",
    "qwen3.7-max",
    "qwen3.8-max-preview",
    "qwen4-max-preview",
    "qwen3-coder-plus",
    "qwen3-coder-plus-2025-09-23",
    "qwen3-coder-plus-2025-07-22",
    "qwen3-coder-flash",
    "qwen3-coder-flash-2025-07-28",
    "qwen3-coder-next",
    "qwen3-vl-plus",
    "qwen3-vl-flash",
    "qwen-vl-max",
    "qwen-vl-plus",
    // Open Qwen models.
    "qwen3-235b-a22b",
    "qwen3-235b-a22b-instruct-2507",
    "qwen3-235b-a22b-thinking-2507",
    "qwen3-30b-a3b",
    "qwen3-32b",
    "qwen3-coder-480b-a35b-instruct",
    "qwen3-next-80b-a3b-instruct",
    "qwen3-next-80b-a3b-thinking",
    // Third-party models Model Studio hosts.
    "deepseek-v4-pro",
    "deepseek-v4-flash",
    "deepseek-v3.2",
    "deepseek-v3.1",
    "deepseek-v3",
    "deepseek-r1",
    "kimi-k2.6",
    "kimi-k2.5",
    "kimi-k2-thinking",
    "Moonshot-Kimi-K2-Instruct",
    "glm-5.2",
    "glm-5.1",
    "glm-5",
    "glm-4.7",
    "glm-4.6",
    "glm-4.5",
    "MiniMax-M2.5",
  ],
} as const satisfies ModelList;
