import { PLAN_IDS, PLANS, type Plan } from "./endpoints/plans.js";
import { REGIONS, type RegionId } from "./endpoints/regions.js";

/** One row of {@link AUTH_CHOICES}: the plan and region an auth choice selects, and its legacy id if any. */
export interface AuthChoiceRow {
  readonly plan: Plan;
  readonly region: RegionId;
  /** The deprecated `modelstudio-*` id that still selects this choice (with a warning). */
  readonly legacyId?: string;
  /**
   * The environment variable that holds this choice's key, looked up before the general ones
   * (`QWEN_API_KEY`, …): the Token Plan's, as other gateways name them.
   */
  readonly keyVariable?: string;
}

/**
 * The onboarding auth choices, keyed by id. Each selects a plan and a region, and so the plan's
 * host in that region (see `endpointFor`). The legacy `modelstudio-*` ids still work: they map to
 * the canonical id with a deprecation warning. The Token Plan choices are qwenkit's ids.
 */
export const AUTH_CHOICES = {
  "qwen-standard-api-key-cn": {
    plan: "standard",
    region: "cn-beijing",
    legacyId: "modelstudio-standard-api-key-cn",
  },
  "qwen-standard-api-key": {
    plan: "standard",
    region: "ap-southeast-1",
    legacyId: "modelstudio-standard-api-key",
  },
  "qwen-api-key-cn": { plan: "coding", region: "cn-beijing", legacyId: "modelstudio-api-key-cn" },
  "qwen-api-key": { plan: "coding", region: "ap-southeast-1", legacyId: "modelstudio-api-key" },
  "qwen-token-plan-api-key-cn": {
    plan: "token",
    region: "cn-beijing",
    keyVariable: "QWEN_TOKEN_PLAN_CN_API_KEY",
  },
  "qwen-token-plan-api-key": {
    plan: "token",
    region: "ap-southeast-1",
    keyVariable: "QWEN_TOKEN_PLAN_API_KEY",
  },
} as const satisfies Readonly<Record<string, AuthChoiceRow>>;

/** A canonical auth choice id. */
export type AuthChoice = keyof typeof AUTH_CHOICES;

/** A deprecated `modelstudio-*` auth choice id. */
export type LegacyAuthChoice = {
  [Id in AuthChoice]: (typeof AUTH_CHOICES)[Id] extends { readonly legacyId: infer L } ? L : never;
}[AuthChoice];

/** The canonical auth choice ids (the set, not an order to look things up by). */
export const AUTH_CHOICE_IDS = Object.keys(AUTH_CHOICES) as readonly AuthChoice[];

/** The auth choices of a plan, e.g. `["qwen-token-plan-api-key-cn", "qwen-token-plan-api-key"]`. */
export function authChoicesOf(plan: Plan): readonly AuthChoice[] {
  return AUTH_CHOICE_IDS.filter((id) => AUTH_CHOICES[id].plan === plan);
}

/** The auth choice of a plan in a region, if the plan has one there. */
export function authChoiceFor(plan: Plan, region: RegionId): AuthChoice | undefined {
  return AUTH_CHOICE_IDS.find((id) => AUTH_CHOICES[id].plan === plan && AUTH_CHOICES[id].region === region);
}

/**
 * The variables that hold the key of a plan in a region, looked up before the general ones: the
 * Token Plan's `QWEN_TOKEN_PLAN_API_KEY` (Singapore) or `QWEN_TOKEN_PLAN_CN_API_KEY` (China);
 * none for the other plans.
 */
export function keyVariablesFor(plan: Plan, region: RegionId): readonly string[] {
  const id = authChoiceFor(plan, region);
  const row: AuthChoiceRow | undefined = id === undefined ? undefined : AUTH_CHOICES[id];
  return row?.keyVariable === undefined ? [] : [row.keyVariable];
}

/** A label for people, from the plan and region tables, e.g. `Token Plan, Singapore (ap-southeast-1)`. */
export function authChoiceLabel(id: AuthChoice): string {
  const { plan, region } = AUTH_CHOICES[id];
  return `${PLANS[plan].label}, ${REGIONS[region].label} (${region})`;
}

/**
 * One line naming the auth choices of `plans` (default every plan), derived from the table, e.g.
 * `Pay-as-you-go: "qwen-standard-api-key-cn" or "qwen-standard-api-key"; Coding Plan: …`.
 */
export function authChoicesByPlan(plans: readonly Plan[] = PLAN_IDS): string {
  return plans.map((plan) => `${PLANS[plan].label}: ${quotedChoices(plan)}`).join("; ");
}

/** The auth choices of a plan, quoted and joined with "or", for messages. */
export function quotedChoices(plan: Plan): string {
  return authChoicesOf(plan)
    .map((id) => `"${id}"`)
    .join(" or ");
}
