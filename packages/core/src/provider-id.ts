import type { Plan } from "./endpoints/plans.js";

/** One of qwenkit's providers: its aliases and, when the provider means one plan, that plan. */
export interface QwenProviderSpec {
  /** Ids that normalize to this provider. */
  readonly aliases: readonly string[];
  /** The plan the provider id means; `undefined` when the endpoint decides. */
  readonly plan: Plan | undefined;
}

/**
 * qwenkit's provider ids, as OpenClaw names them: `qwen` (Model Studio, any plan; `modelstudio` is
 * its legacy id) and `qwen-token-plan` (the Token Plan, a separate provider in OpenClaw).
 */
export const QWEN_PROVIDERS = {
  qwen: { aliases: ["modelstudio", "qwencloud", "dashscope"], plan: undefined },
  "qwen-token-plan": { aliases: ["bailian-token-plan"], plan: "token" },
} as const satisfies Readonly<Record<string, QwenProviderSpec>>;

/** A canonical qwenkit provider id. */
export type QwenProviderId = keyof typeof QWEN_PROVIDERS;

/** The canonical provider id. */
export const QWEN_PROVIDER_ID = "qwen" satisfies QwenProviderId;

/** The Token Plan's provider id. */
export const QWEN_TOKEN_PLAN_PROVIDER_ID = "qwen-token-plan" satisfies QwenProviderId;

/** Provider ids that mean `qwen`: `modelstudio` (legacy), `qwencloud` and `dashscope`. */
export const QWEN_PROVIDER_ALIASES = QWEN_PROVIDERS.qwen.aliases;

/** Provider ids that mean `qwen-token-plan`: `bailian-token-plan`. */
export const QWEN_TOKEN_PLAN_PROVIDER_ALIASES = QWEN_PROVIDERS["qwen-token-plan"].aliases;

const PROVIDER_IDS = Object.keys(QWEN_PROVIDERS) as readonly QwenProviderId[];

/**
 * Normalizes a provider id: trims, lower-cases and maps the aliases to their canonical id.
 *
 * @returns `"qwen"` for `qwen` or its aliases, `"qwen-token-plan"` for `qwen-token-plan` or
 * `bailian-token-plan` (any case, surrounding whitespace ignored); `undefined` for anything else,
 * including a gateway's own provider id such as `bailian`.
 * @example normalizeProviderId(" ModelStudio ") // "qwen"
 */
export function normalizeProviderId(id: string): QwenProviderId | undefined {
  if (typeof id !== "string") return undefined;
  const normalized = id.trim().toLowerCase();
  return PROVIDER_IDS.find(
    (provider) =>
      provider === normalized || (QWEN_PROVIDERS[provider].aliases as readonly string[]).includes(normalized),
  );
}

/** Every id that normalizes to a qwenkit provider, canonical ids first (for messages and suggestions). */
export function allProviderIds(): readonly string[] {
  return [...PROVIDER_IDS, ...PROVIDER_IDS.flatMap((id) => QWEN_PROVIDERS[id].aliases)];
}
