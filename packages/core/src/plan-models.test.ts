import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog.js";
import {
  CURRENT_PLAN_MODELS,
  currentPlanModels,
  isListedPlan,
  isPlanModelListId,
  PLAN_MODEL_LISTS,
} from "./plan-models.js";
import { type ResolveQwenConfigOptions, resolveQwenConfig } from "./resolve.js";

const SUBSCRIPTION_KEY = "sk-sp-0123456789abcdef0123456789ab5678";
const AUTH_CHOICE = { coding: "qwen-api-key", token: "qwen-token-plan-api-key" } as const;

/** The model-not-in-plan warning a user sees for `model` on a plan's host, if any. */
function planWarning(
  plan: "coding" | "token",
  model: string,
  lists: Pick<ResolveQwenConfigOptions, "codingPlanModels" | "tokenPlanModels"> = {},
): string | undefined {
  const resolved = resolveQwenConfig({
    env: {},
    apiKey: SUBSCRIPTION_KEY,
    authChoice: AUTH_CHOICE[plan],
    model,
    ...lists,
  });
  return resolved.warnings.find((warning) => warning.code === "model-not-in-plan")?.message;
}

// Behaviour, not the table restated: what the warnings say for models the docs place on each list.
describe("plan model lists, as the model-not-in-plan warning reads them", () => {
  it("the March 2026 Coding Plan list stays available by name, and rejects qwen3.6-plus", () => {
    const march = { codingPlanModels: "coding-2026-03" } as const;
    expect(planWarning("coding", "qwen3.6-plus", march)).toMatch(/"coding-2026-03" \(as of 2026-03\)/);
    for (const model of ["qwen3.5-plus", "qwen3-coder-plus", "glm-5", "kimi-k2.5", "MiniMax-M2.5"]) {
      expect(planWarning("coding", model, march), model).toBeUndefined();
    }
  });

  it("the current Coding Plan list is coding-2026-11: it serves qwen3.6-plus, not the qwen3.7 family", () => {
    expect(planWarning("coding", "qwen3.6-plus")).toBeUndefined();
    expect(planWarning("coding", "qwen3.5-plus")).toBeUndefined();
    expect(planWarning("coding", "qwen3.7-max")).toMatch(/"coding-2026-11" \(as of 2026-11\)/);
  });

  it("the Token Plan has a list of its own, different from the Coding Plan's", () => {
    for (const model of ["qwen3.6-plus", "deepseek-v4-pro", "glm-5.1"]) {
      expect(planWarning("token", model), model).toBeUndefined();
    }
    // deepseek-v4-pro is on the Token Plan's list and not on the Coding Plan's.
    expect(planWarning("coding", "deepseek-v4-pro")).toMatch(/Coding Plan's model list/);
    expect(planWarning("token", "qwen3-coder-next")).toMatch(/"token-2026-11" \(as of 2026-11\)/);
  });

  it("a list is chosen per plan: a Token Plan list id is not a Coding Plan list", () => {
    expect(() => planWarning("coding", "glm-5", { codingPlanModels: "token-2026-11" as never })).toThrow(
      /not a model list of the Coding Plan/,
    );
  });

  it("every list is dated YYYY-MM, names its source, its id says its plan and month, and holds no duplicate", () => {
    for (const [id, list] of Object.entries(PLAN_MODEL_LISTS)) {
      expect(list.asOf).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(id).toBe(`${list.plan}-${list.asOf}`);
      expect(list.source).not.toBe("");
      expect(new Set(list.models).size).toBe(list.models.length);
    }
  });

  it("the current list of each plan is one of the plan's own lists", () => {
    for (const [plan, id] of Object.entries(CURRENT_PLAN_MODELS)) {
      expect(PLAN_MODEL_LISTS[id].plan).toBe(plan);
    }
  });

  it("Coding Plan models are in the bundled catalog (its limits are known)", () => {
    const catalog = new Set<string>(CATALOG.map((model) => model.id));
    for (const model of currentPlanModels("coding").models) expect(catalog.has(model), model).toBe(true);
  });

  it.each([
    ["coding", true],
    ["token", true],
    ["standard", false],
  ] as const)("%s has a model list: %s", (plan, listed) => {
    expect(isListedPlan(plan)).toBe(listed);
  });

  it.each([
    ["coding-2026-03", true],
    ["token-2026-11", true],
    ["coding-2025-01", false],
    ["toString", false],
    [7, false],
  ])("%j is a list id: %s", (value, known) => {
    expect(isPlanModelListId(value)).toBe(known);
  });
});
