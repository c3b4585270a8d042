import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog.js";
import {
  CURRENT_PLAN_MODELS,
  currentPlanModels,
  isListedPlan,
  isPlanModelListId,
  PLAN_MODEL_LISTS,
} from "./plan-models.js";

const MARCH_2026 = [
  "qwen3.5-plus",
  "qwen3-max-2026-01-23",
  "qwen3-coder-next",
  "qwen3-coder-plus",
  "glm-5",
  "glm-4.7",
  "kimi-k2.5",
  "MiniMax-M2.5",
];

describe("plan model lists", () => {
  it("keeps the March 2026 Coding Plan list by name, without qwen3.6-plus", () => {
    expect([...PLAN_MODEL_LISTS["coding-2026-03"].models].sort()).toEqual([...MARCH_2026].sort());
    expect(PLAN_MODEL_LISTS["coding-2026-03"]).toMatchObject({ plan: "coding", asOf: "2026-03" });
  });

  it("the current Coding Plan list is the March list plus qwen3.6-plus, and not the qwen3.7 family", () => {
    const current = currentPlanModels("coding");
    expect([...current.models].sort()).toEqual([...MARCH_2026, "qwen3.6-plus"].sort());
    expect(current.models).not.toContain("qwen3.7-max");
    expect(CURRENT_PLAN_MODELS.coding).toBe("coding-2026-11");
  });

  it("the Token Plan has a list of its own, different from the Coding Plan's", () => {
    const token = currentPlanModels("token");
    expect(token.plan).toBe("token");
    expect(token.models).toEqual(expect.arrayContaining(["qwen3.6-plus", "deepseek-v4-pro", "glm-5.1"]));
    expect([...token.models].sort()).not.toEqual([...currentPlanModels("coding").models].sort());
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
