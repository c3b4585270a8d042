/** What qwenkit knows about a billing plan. */
export interface PlanSpec {
  /** The plan as Model Studio names it. */
  readonly label: string;
  /** Which kind of key the plan issues (see `KEY_KINDS`): Coding Plan and Token Plan keys look alike. */
  readonly keyKind: "standard" | "subscription";
}

/**
 * Model Studio's billing plans, keyed by qwenkit's id. `standard` is Pay-as-you-go; the Coding
 * Plan and the Token Plan are subscriptions for interactive tools, with keys of the same shape.
 */
export const PLANS = {
  standard: { label: "Pay-as-you-go", keyKind: "standard" },
  coding: { label: "Coding Plan", keyKind: "subscription" },
  token: { label: "Token Plan", keyKind: "subscription" },
} as const satisfies Readonly<Record<string, PlanSpec>>;

/** A billing plan: `standard` (Pay-as-you-go), `coding` (Coding Plan) or `token` (Token Plan). */
export type Plan = keyof typeof PLANS;

/** Whether `value` is one of the {@link PLANS} ids. */
export function isPlan(value: unknown): value is Plan {
  return typeof value === "string" && Object.hasOwn(PLANS, value);
}

/** The plan ids, for messages (the set, not an order to look things up by). */
export const PLAN_IDS = Object.keys(PLANS) as readonly Plan[];
