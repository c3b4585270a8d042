import {
  AUTH_CHOICE_IDS,
  AUTH_CHOICES,
  type AuthChoice,
  type AuthChoiceRow,
  authChoiceLabel,
  authChoicesByPlan,
} from "./auth-choices.js";
import { endpointFor } from "./endpoints/endpoint-for.js";
import type { NativeEndpoint } from "./endpoints/match.js";
import type { Plan } from "./endpoints/plans.js";
import type { RegionId } from "./endpoints/regions.js";
import { QwenConfigError, quoteInput } from "./errors.js";
import { didYouMean } from "./suggest.js";
import { deprecatedAuthChoiceWarning, type QwenWarning } from "./warnings.js";

/** An auth choice with what it selects: plan, region, label and endpoint. */
export interface AuthChoiceSpec {
  readonly id: AuthChoice;
  readonly plan: Plan;
  readonly region: RegionId;
  readonly legacyId: string | undefined;
  /** For people, e.g. `Coding Plan, Singapore (ap-southeast-1)`. */
  readonly label: string;
  /** The plan's host in the region. */
  readonly endpoint: NativeEndpoint;
}

/** The deprecated `modelstudio-*` id of an auth choice, if it has one. */
function legacyIdOf(id: AuthChoice): string | undefined {
  const row: AuthChoiceRow = AUTH_CHOICES[id];
  return row.legacyId;
}

/** The spec of a canonical auth choice id. */
export function authChoiceSpec(id: AuthChoice): AuthChoiceSpec {
  const row = AUTH_CHOICES[id];
  return {
    id,
    plan: row.plan,
    region: row.region,
    legacyId: legacyIdOf(id),
    label: authChoiceLabel(id),
    endpoint: endpointFor({ plan: row.plan, region: row.region }),
  };
}

/**
 * Looks up an auth choice (see {@link AUTH_CHOICES}) by its canonical or legacy id (surrounding
 * whitespace and case ignored). A legacy `modelstudio-*` id resolves to its canonical choice with
 * a `deprecated-auth-choice` warning naming the canonical id.
 *
 * @throws {@link QwenConfigError} `unknown-auth-choice`, listing the valid ids.
 * @example resolveAuthChoice("modelstudio-api-key").choice.id // "qwen-api-key", plus a warning
 */
export function resolveAuthChoice(id: string): {
  readonly choice: AuthChoiceSpec;
  readonly warning?: QwenWarning;
} {
  const wanted = typeof id === "string" ? id.trim().toLowerCase() : undefined;
  if (wanted !== undefined && Object.hasOwn(AUTH_CHOICES, wanted)) {
    return { choice: authChoiceSpec(wanted as AuthChoice) };
  }
  const legacy = AUTH_CHOICE_IDS.find((choice) => legacyIdOf(choice) === wanted);
  if (legacy !== undefined && wanted !== undefined) {
    return { choice: authChoiceSpec(legacy), warning: deprecatedAuthChoiceWarning(wanted, legacy) };
  }
  const shown = typeof id === "string" ? quoteInput(id) : `a ${typeof id}`;
  const legacyIds = AUTH_CHOICE_IDS.flatMap((choice) => legacyIdOf(choice) ?? []);
  throw new QwenConfigError(
    "unknown-auth-choice",
    `Unknown auth choice ${shown}.${typeof id === "string" ? didYouMean(id, [...AUTH_CHOICE_IDS, ...legacyIds]) : ""} ` +
      `Valid auth choices: ${AUTH_CHOICE_IDS.join(", ")} ` +
      `(legacy ids still accepted: ${legacyIds.join(", ")}).`,
    `Pick the one for your key's plan and region: ${authChoicesByPlan()}.`,
  );
}
