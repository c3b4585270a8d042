import { AUTH_CHOICES } from "./auth-choices.js";
import { QwenConfigError, quoteInput } from "./errors.js";
import { deprecatedAuthChoiceWarning, type QwenWarning } from "./warnings.js";

/**
 * Looks up an auth choice (a row of {@link AUTH_CHOICES}, an `AuthChoiceSpec`) by its canonical or legacy id (surrounding whitespace and case ignored).
 * A legacy `modelstudio-*` id resolves to its canonical choice with a `deprecated-auth-choice`
 * warning naming the canonical id.
 *
 * @throws {@link QwenConfigError} `unknown-auth-choice`, listing the valid ids.
 * @example resolveAuthChoice("modelstudio-api-key").choice.id // "qwen-api-key", plus a warning
 */
export function resolveAuthChoice(id: string): {
  readonly choice: (typeof AUTH_CHOICES)[number];
  readonly warning?: QwenWarning;
} {
  const wanted = typeof id === "string" ? id.trim().toLowerCase() : undefined;
  for (const choice of AUTH_CHOICES) {
    if (choice.id === wanted) return { choice };
    if (choice.legacyId === wanted) {
      return { choice, warning: deprecatedAuthChoiceWarning(choice.legacyId, choice.id) };
    }
  }
  const shown = typeof id === "string" ? quoteInput(id) : `a ${typeof id}`;
  throw new QwenConfigError(
    "unknown-auth-choice",
    `Unknown auth choice ${shown}. Valid auth choices: ${AUTH_CHOICES.map((c) => c.id).join(", ")} ` +
      `(legacy ids still accepted: ${AUTH_CHOICES.map((c) => c.legacyId).join(", ")}).`,
    "Use qwen-standard-api-key(-cn) for a Standard (sk-) key or qwen-api-key(-cn) for a Coding Plan (sk-sp-) key.",
  );
}
