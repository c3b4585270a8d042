import { check, type HostContext } from "../context.js";
import { SkipCell } from "../result.js";
import type { Feature } from "../runner.js";
import { apiErrorOfKind, rejection, TINY_REQUEST } from "./shared.js";

// Served on Standard, outside the Coding Plan list (March 2026).
const NON_PLAN_MODEL = "qwen3.6-plus";

/**
 * A Coding Plan host rejects a model outside the plan, and the error sends the user to a
 * Standard auth choice; a Standard host serves the same model.
 */
export const planModelFeature: Feature<HostContext> = {
  id: "plan-model",
  title: "non-plan model: Coding Plan rejects, Standard serves",
  async run(ctx, signal) {
    const provider = ctx.provider({ model: NON_PLAN_MODEL });
    if (ctx.host.plan === "standard") {
      const result = await provider.chat(TINY_REQUEST, { signal });
      check(result.text.length > 0, `${NON_PLAN_MODEL} gave an empty answer`);
      return `${NON_PLAN_MODEL} served`;
    }
    check(
      ctx.resolveNative({ model: NON_PLAN_MODEL }).warnings.some((w) => w.code === "model-not-in-plan"),
      `no model-not-in-plan warning for ${NON_PLAN_MODEL} before the request`,
    );
    let outcome: unknown;
    try {
      outcome = await rejection(provider.chat(TINY_REQUEST, { signal }), "a model-not-in-plan rejection");
    } catch (error) {
      if (ctx.target === "live") throw new SkipCell(`${NON_PLAN_MODEL} is now served on the Coding Plan`);
      throw error;
    }
    const error = apiErrorOfKind(outcome, "model-not-in-plan");
    const standardChoice =
      ctx.host.endpoint.region === "cn-beijing" ? "qwen-standard-api-key-cn" : "qwen-standard-api-key";
    check(error.status === 400, `status ${error.status}`);
    check(error.hint.includes(standardChoice), `hint does not name ${standardChoice}: ${error.hint}`);
    return `400 ${error.code}; hint names ${standardChoice}`;
  },
};
