import { describe, expect, it } from "vitest";
import { describeKeyKind, keyFitsPlan, planFromKey, plansOfKeyKind } from "./api-key-kinds.js";
import { PLAN_IDS, type Plan } from "./endpoints/plans.js";

const STANDARD = "sk-0123456789abcdef0123456789a1b2";
const SUBSCRIPTION = "sk-sp-0123456789abcdef0123456789c3d4";

describe("planFromKey", () => {
  it.each([
    [STANDARD, "standard"],
    [SUBSCRIPTION, "subscription"],
    ["  sk-sp-x\n", "subscription"],
    ["sk-x", "standard"],
    ["sk-spx", "standard"],
    ["sk-sp", "standard"],
    ["sk-sp-", undefined],
    ["sk-", undefined],
    ["SK-abc", undefined],
    ["pk-abc", undefined],
    ["", undefined],
    [42 as unknown as string, undefined],
  ])("%j → %s", (key, kind) => {
    expect(planFromKey(key)).toBe(kind);
  });
});

describe("keyFitsPlan", () => {
  const FITS: Readonly<Record<Plan, readonly string[]>> = {
    standard: [STANDARD, "sk-x"],
    coding: [SUBSCRIPTION, "sk-sp-x"],
    token: [SUBSCRIPTION, "sk-sp-x"],
  };
  const keys = [STANDARD, SUBSCRIPTION, "sk-x", "sk-sp-x", "sk-", "sk-sp-", "Bearer sk-x", "pk-abc", ""];
  it.each(PLAN_IDS.flatMap((plan) => keys.map((key) => [plan, key] as const)))(
    "%s takes %j?",
    (plan, key) => {
      expect(keyFitsPlan(key, plan)).toBe(FITS[plan].includes(key));
    },
  );

  it("fits no unknown plan", () => {
    expect(keyFitsPlan(STANDARD, "enterprise" as Plan)).toBe(false);
  });
});

describe("key kinds", () => {
  it("a subscription key belongs to both subscription plans, a standard key to Pay-as-you-go", () => {
    expect(plansOfKeyKind("subscription")).toEqual(expect.arrayContaining(["coding", "token"]));
    expect(plansOfKeyKind("subscription")).toHaveLength(2);
    expect(plansOfKeyKind("standard")).toEqual(["standard"]);
  });

  it("names both subscription plans and never only one of them", () => {
    expect(describeKeyKind("subscription")).toBe("a subscription key (Coding Plan or Token Plan, sk-sp-)");
    expect(describeKeyKind("standard")).toBe("a Pay-as-you-go key (sk-, not sk-sp-)");
  });
});
