import { CATALOG, type ModelInfo, type ThinkingMode, UNKNOWN_MODEL_DEFAULTS } from "@qwenkit/core";

/** What the mock needs to know about a model. */
export type ModelProfile = Pick<ModelInfo, "id" | "contextWindow" | "maxOutputTokens" | "thinking">;

/**
 * The catalog entry of `id`, or a profile with the catalog's unknown-model defaults when `id` is
 * one of `extraModels`; `undefined` for any other id (ids are case-sensitive).
 */
export function findModel(id: string, extraModels: readonly string[]): ModelProfile | undefined {
  const known = CATALOG.find((model) => model.id === id);
  if (known !== undefined) return known;
  return extraModels.includes(id) ? { id, ...UNKNOWN_MODEL_DEFAULTS } : undefined;
}

/** The profile of `id`, known or not (Coding Plan hosts serve whatever their plan list names). */
export function profileOf(id: string): ModelProfile {
  return findModel(id, [id]) ?? { id, ...UNKNOWN_MODEL_DEFAULTS };
}

/**
 * Tokens DashScope reserves beyond the input: the captured rejection of a 262,144-token model says
 * `Range of input length should be [1, 258048]`.
 */
const RESERVED_TOKENS = 4_096;

/** The longest input (prompt tokens) a model accepts. */
export function maxInputTokens(model: ModelProfile): number {
  return model.contextWindow - RESERVED_TOKENS;
}

/** Whether a request thinks: `always` models do, `none` never, `hybrid` per `enable_thinking` or default. */
export function thinks(mode: ThinkingMode, enableThinking: unknown): boolean {
  switch (mode.kind) {
    case "none":
      return false;
    case "always":
      return true;
    case "hybrid":
      return typeof enableThinking === "boolean" ? enableThinking : mode.defaultOn;
  }
}
