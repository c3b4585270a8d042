/** Input modalities a model accepts. */
export type ModelInput = "text" | "image";

/**
 * How a model thinks: `none` never emits reasoning; `always` always does; `hybrid` is switched by
 * `enable_thinking`, with `defaultOn` telling what the model does when the request says nothing.
 */
export type ThinkingMode =
  | { readonly kind: "none" }
  | { readonly kind: "always" }
  | { readonly kind: "hybrid"; readonly defaultOn: boolean };

/** What qwenkit knows about a model. */
export interface ModelInfo {
  /** Model id as DashScope spells it (case-sensitive). */
  readonly id: string;
  /** Accepted input modalities. */
  readonly input: readonly ModelInput[];
  /** Context window in tokens. */
  readonly contextWindow: number;
  /** Maximum output tokens per response. */
  readonly maxOutputTokens: number;
  /** Whether and how the model thinks. */
  readonly thinking: ThinkingMode;
  /** Short advice for humans. */
  readonly notes: string;
}

/**
 * The bundled catalog (advice, not a gate: any model id works). Thinking modes are qwenkit's
 * reading of the Model Studio model pages; context and output limits are the documented ones.
 */
export const CATALOG = [
  {
    id: "qwen3.5-plus",
    input: ["text", "image"],
    contextWindow: 1_000_000,
    maxOutputTokens: 65_536,
    thinking: { kind: "hybrid", defaultOn: true },
    notes: "Default model",
  },
  {
    id: "qwen3.6-plus",
    input: ["text", "image"],
    contextWindow: 1_000_000,
    maxOutputTokens: 65_536,
    thinking: { kind: "hybrid", defaultOn: true },
    notes: "Pay-as-you-go, and the Coding Plan since its 2026-11 list (the March 2026 list rejects it)",
  },
  {
    id: "qwen3-max-2026-01-23",
    input: ["text"],
    contextWindow: 262_144,
    maxOutputTokens: 65_536,
    thinking: { kind: "hybrid", defaultOn: false },
    notes: "Qwen Max family",
  },
  {
    id: "qwen3-coder-next",
    input: ["text"],
    contextWindow: 262_144,
    maxOutputTokens: 65_536,
    thinking: { kind: "none" },
    notes: "Coding",
  },
  {
    id: "qwen3-coder-plus",
    input: ["text"],
    contextWindow: 1_000_000,
    maxOutputTokens: 65_536,
    thinking: { kind: "none" },
    notes: "Coding",
  },
  {
    id: "MiniMax-M2.5",
    input: ["text"],
    contextWindow: 1_000_000,
    maxOutputTokens: 65_536,
    thinking: { kind: "always" },
    notes: "Reasoning enabled",
  },
  {
    id: "glm-5",
    input: ["text"],
    contextWindow: 202_752,
    maxOutputTokens: 16_384,
    thinking: { kind: "hybrid", defaultOn: true },
    notes: "GLM",
  },
  {
    id: "glm-4.7",
    input: ["text"],
    contextWindow: 202_752,
    maxOutputTokens: 16_384,
    thinking: { kind: "hybrid", defaultOn: true },
    notes: "GLM",
  },
  {
    id: "kimi-k2.5",
    input: ["text", "image"],
    contextWindow: 262_144,
    maxOutputTokens: 32_768,
    thinking: { kind: "hybrid", defaultOn: true },
    notes: "Moonshot AI via Alibaba",
  },
] as const satisfies readonly ModelInfo[];

/** A model id in the bundled catalog. */
export type CatalogModelId = (typeof CATALOG)[number]["id"];

/** Limits assumed for a model outside the catalog. */
export const UNKNOWN_MODEL_DEFAULTS = {
  input: ["text"],
  contextWindow: 262_144,
  maxOutputTokens: 65_536,
  thinking: { kind: "none" },
} as const satisfies Omit<ModelInfo, "id" | "notes">;

/** The default model ref. */
export const DEFAULT_MODEL_REF = "qwen/qwen3.5-plus";

/**
 * What qwenkit knows about a model: its catalog entry (`known: true`), or
 * {@link UNKNOWN_MODEL_DEFAULTS} under the given id (`known: false`). Lookup is case-sensitive,
 * like DashScope's model ids. Takes a model id, not a ref (use `parseModelRef` first).
 */
export function modelInfo(modelId: string): ModelInfo & { readonly known: boolean } {
  const entry = CATALOG.find((model) => model.id === modelId);
  if (entry) return { ...entry, known: true };
  return {
    ...UNKNOWN_MODEL_DEFAULTS,
    id: modelId,
    notes: "Not in the bundled catalog; default limits assumed",
    known: false,
  };
}
