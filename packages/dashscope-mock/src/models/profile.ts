import { CATALOG, type ModelInfo, type ThinkingMode } from "@qwenkit/core";
import { UNKNOWN_MODEL_DEFAULTS } from "@qwenkit/core/advanced";
import { PAY_AS_YOU_GO_MODELS } from "./pay-as-you-go.js";

/** What the mock needs to know about a model. */
export type ModelProfile = Pick<ModelInfo, "id" | "contextWindow" | "maxOutputTokens" | "thinking">;

const PAY_AS_YOU_GO_IDS: ReadonlySet<string> = new Set(PAY_AS_YOU_GO_MODELS.models);

/**
 * The model ids a Pay-as-you-go host serves, each once: the dated list, then catalog models it
 * does not name, then `extraModels`.
 */
export function payAsYouGoModelIds(extraModels: readonly string[]): readonly string[] {
  return [...new Set([...PAY_AS_YOU_GO_MODELS.models, ...CATALOG.map((model) => model.id), ...extraModels])];
}

/**
 * The profile of a model a Pay-as-you-go host serves: the catalog entry of `id`, or the catalog's
 * unknown-model defaults when `id` is on the dated list or one of `extraModels`; `undefined` for
 * any other id (ids are case-sensitive).
 */
export function findModel(id: string, extraModels: readonly string[]): ModelProfile | undefined {
  const known = CATALOG.find((model) => model.id === id);
  if (known !== undefined) return known;
  return PAY_AS_YOU_GO_IDS.has(id) || extraModels.includes(id)
    ? { id, ...UNKNOWN_MODEL_DEFAULTS }
    : undefined;
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
