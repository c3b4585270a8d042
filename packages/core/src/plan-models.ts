import type { Plan } from "./endpoints/plans.js";

/** The plans that serve a fixed list of models (the subscriptions). */
export type ListedPlan = Extract<Plan, "coding" | "token">;

/** One dated model list of a subscription plan. */
export interface PlanModelList {
  readonly plan: ListedPlan;
  /** The month the list describes, `YYYY-MM`. */
  readonly asOf: string;
  /** Where the list comes from. */
  readonly source: string;
  /** Model ids as the plan spells them (case-sensitive). */
  readonly models: readonly string[];
}

/** The ids of {@link PLAN_MODEL_LISTS}: `<plan>-<year>-<month>`. */
export type PlanModelListId = "coding-2026-03" | "coding-2026-11" | "token-2026-11";

const CODING_2026_03 = [
  "qwen3.5-plus",
  "qwen3-max-2026-01-23",
  "qwen3-coder-next",
  "qwen3-coder-plus",
  "glm-5",
  "glm-4.7",
  "kimi-k2.5",
  "MiniMax-M2.5",
] as const;

/**
 * The model lists of the subscription plans, dated and kept by name: a list that is no longer
 * current stays here, so what qwenkit said about it stays reproducible (the March 2026 Coding
 * Plan list has no `qwen3.6-plus`). Warnings only: a model outside the list is sent anyway.
 */
export const PLAN_MODEL_LISTS = {
  "coding-2026-03": {
    plan: "coding",
    asOf: "2026-03",
    source: "Alibaba Cloud Model Studio docs, Coding Plan model list, March 2026",
    models: CODING_2026_03,
  },
  "coding-2026-11": {
    plan: "coding",
    asOf: "2026-11",
    source:
      "the March 2026 list plus qwen3.6-plus, which Alibaba support confirmed on the Coding Plan (May 2026); the qwen3.7 family is not on it",
    models: [...CODING_2026_03, "qwen3.6-plus"],
  },
  "token-2026-11": {
    plan: "token",
    asOf: "2026-11",
    source:
      'Alibaba Cloud Model Studio docs, "Token Plan overview", and the Token Plan (China) model listing of third-party routers, November 2026',
    models: [
      "qwen3.7-max",
      "qwen3.6-plus",
      "qwen3.5-plus",
      "deepseek-v4-pro",
      "deepseek-v4-flash",
      "deepseek-v3.2",
      "glm-5.2",
      "glm-5.1",
      "glm-5",
      "kimi-k2.5",
      "MiniMax-M2.5",
    ],
  },
} as const satisfies Readonly<Record<PlanModelListId, PlanModelList>>;

/** The list each subscription plan serves today. */
export const CURRENT_PLAN_MODELS = {
  coding: "coding-2026-11",
  token: "token-2026-11",
} as const satisfies Readonly<Record<ListedPlan, PlanModelListId>>;

/** Whether a plan serves a fixed model list (Pay-as-you-go does not). */
export function isListedPlan(plan: Plan): plan is ListedPlan {
  return Object.hasOwn(CURRENT_PLAN_MODELS, plan);
}

/** Whether `value` names one of {@link PLAN_MODEL_LISTS}. */
export function isPlanModelListId(value: unknown): value is PlanModelListId {
  return typeof value === "string" && Object.hasOwn(PLAN_MODEL_LISTS, value);
}

/** The current model list of a subscription plan. */
export function currentPlanModels(plan: ListedPlan): PlanModelList {
  return PLAN_MODEL_LISTS[CURRENT_PLAN_MODELS[plan]];
}
