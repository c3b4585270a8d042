import { PLAN_IDS, PLANS, type Plan } from "./endpoints/plans.js";

/**
 * The kinds of Model Studio key, told apart by prefix (Alibaba Cloud Model Studio docs, "Obtain
 * an API key", 2026-11-27). A Coding Plan key and a Token Plan key both start with `sk-sp-`, so
 * the prefix says only "subscription", never which subscription.
 */
export const KEY_KINDS = {
  standard: { prefix: "sk-" },
  subscription: { prefix: "sk-sp-" },
} as const satisfies Readonly<Record<string, { readonly prefix: string }>>;

/** A kind of key: `standard` (Pay-as-you-go, `sk-`) or `subscription` (Coding Plan or Token Plan, `sk-sp-`). */
export type KeyKind = keyof typeof KEY_KINDS;

/** The plans whose keys are of `kind`. */
export function plansOfKeyKind(kind: KeyKind): readonly Plan[] {
  return PLAN_IDS.filter((plan) => PLANS[plan].keyKind === kind);
}

/**
 * How a kind of key reads in messages, from the plan table: `a Pay-as-you-go key (sk-)` and
 * `a subscription key (Coding Plan or Token Plan, sk-sp-)`.
 */
export function describeKeyKind(kind: KeyKind): string {
  const plans = plansOfKeyKind(kind).map((plan) => PLANS[plan].label);
  const { prefix } = KEY_KINDS[kind];
  return kind === "subscription"
    ? `a subscription key (${plans.join(" or ")}, ${prefix})`
    : `a ${plans.join(" or ")} key (${prefix}, not ${KEY_KINDS.subscription.prefix})`;
}

const KIND_IDS = Object.keys(KEY_KINDS) as readonly KeyKind[];

/**
 * The kind of a key, from its prefix: the kind with the longest prefix the key starts with, when
 * something follows that prefix (`sk-sp-…` is `subscription`, any other `sk-…` is `standard`);
 * `undefined` for anything else, a bare prefix included. Surrounding whitespace is ignored. Says
 * nothing about which subscription.
 *
 * @example planFromKey("sk-sp-abc") // "subscription"
 */
export function planFromKey(key: string): KeyKind | undefined {
  if (typeof key !== "string") return undefined;
  const trimmed = key.trim();
  let best: KeyKind | undefined;
  for (const kind of KIND_IDS) {
    const { prefix } = KEY_KINDS[kind];
    if (trimmed.startsWith(prefix) && (best === undefined || prefix.length > KEY_KINDS[best].prefix.length)) {
      best = kind;
    }
  }
  return best !== undefined && trimmed.length > KEY_KINDS[best].prefix.length ? best : undefined;
}

/**
 * Whether a key's prefix fits a plan: Pay-as-you-go takes `standard` keys, the Coding Plan and the
 * Token Plan take `subscription` keys. (Which subscription a key belongs to only the host knows.)
 *
 * @example keyFitsPlan("sk-sp-abc", "token") // true
 */
export function keyFitsPlan(key: string, plan: Plan): boolean {
  const kind = planFromKey(key);
  return kind !== undefined && Object.hasOwn(PLANS, plan) && PLANS[plan].keyKind === kind;
}
