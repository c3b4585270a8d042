import type { ListedPlan } from "@qwenkit/core";
import { authChoiceFor, currentPlanModels, isListedPlan, PLANS } from "@qwenkit/core/advanced";
import { check, type HostContext } from "../context.js";
import { SkipCell } from "../result.js";
import type { Feature } from "../runner.js";
import { apiErrorOfKind, rejection, TINY_REQUEST } from "./shared.js";

// Served on Pay-as-you-go, outside each subscription plan's current list (checked at run time).
const NON_PLAN_MODEL: Readonly<Record<ListedPlan, string>> = {
  coding: "qwen3.7-max",
  token: "qwen3-coder-next",
};

/**
 * A subscription host rejects a model outside its plan's list, and the error sends the user to
 * a Pay-as-you-go auth choice of the region; a Pay-as-you-go host serves those models.
 */
export const planModelFeature: Feature<HostContext> = {
  id: "plan-model",
  title: "non-plan model: subscription rejects, Pay-as-you-go serves",
  async run(ctx, signal) {
    const { plan } = ctx.host;
    if (!isListedPlan(plan)) {
      for (const model of Object.values(NON_PLAN_MODEL)) {
        const result = await ctx.provider({ model }).chat(TINY_REQUEST, { signal });
        check(result.text.length > 0, `${model} gave an empty answer`);
      }
      return `${Object.values(NON_PLAN_MODEL).join(", ")} served`;
    }
    const model = NON_PLAN_MODEL[plan];
    check(
      !currentPlanModels(plan).models.includes(model),
      `${model} is on the ${PLANS[plan].label} list now`,
    );
    check(
      ctx.resolveNative({ model }).warnings.some((w) => w.code === "model-not-in-plan"),
      `no model-not-in-plan warning for ${model} before the request`,
    );
    let outcome: unknown;
    try {
      outcome = await rejection(
        ctx.provider({ model }).chat(TINY_REQUEST, { signal }),
        "a model-not-in-plan rejection",
      );
    } catch (error) {
      if (ctx.target === "live") throw new SkipCell(`${model} is now served on the ${PLANS[plan].label}`);
      throw error;
    }
    const error = apiErrorOfKind(outcome, "model-not-in-plan");
    const standardChoice = authChoiceFor("standard", ctx.host.endpoint.region) ?? "";
    check(error.status === 400, `status ${error.status}`);
    check(error.hint.includes(standardChoice), `hint does not name ${standardChoice}: ${error.hint}`);
    return `400 ${error.code}; hint names ${standardChoice}`;
  },
};
