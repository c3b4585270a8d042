/** The canonical provider id. */
export const QWEN_PROVIDER_ID = "qwen";

/** Provider ids that mean `qwen`: `modelstudio` (legacy), `qwencloud` and `dashscope`. */
export const QWEN_PROVIDER_ALIASES = [
  "modelstudio",
  "qwencloud",
  "dashscope",
] as const satisfies readonly string[];

/**
 * Normalizes a provider id: trims, lower-cases and maps the aliases to `qwen`.
 *
 * @returns `"qwen"` for `qwen` or an alias (any case, surrounding whitespace ignored); `undefined`
 * for anything else, including a gateway's own provider id such as `bailian`.
 * @example normalizeProviderId(" ModelStudio ") // "qwen"
 */
export function normalizeProviderId(id: string): "qwen" | undefined {
  if (typeof id !== "string") return undefined;
  const normalized = id.trim().toLowerCase();
  if (normalized === QWEN_PROVIDER_ID) return QWEN_PROVIDER_ID;
  return (QWEN_PROVIDER_ALIASES as readonly string[]).includes(normalized) ? QWEN_PROVIDER_ID : undefined;
}
