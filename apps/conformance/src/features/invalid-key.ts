import { describeKeyKind, PLANS } from "@qwenkit/core/advanced";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { apiErrorOfKind, rejection, TINY_REQUEST } from "./shared.js";

/** A key of the other kind becomes a 401 `invalid-api-key` whose hint names the mismatch. */
export const invalidKeyFeature: Feature<HostContext> = {
  id: "invalid-key",
  title: "invalid key → typed 401",
  async run(ctx, signal) {
    const provider = ctx.provider({ apiKey: ctx.wrongPlanKey });
    const outcome = await rejection(provider.chat(TINY_REQUEST, { signal }), "a 401");
    const error = apiErrorOfKind(outcome, "invalid-api-key");
    check(error.status === 401, `status ${error.status}`);
    check(!error.retryable, "a bad key was marked retryable");
    // Only a known plan can be compared with the key's prefix.
    const { plan } = provider.config.endpoint;
    if (plan !== undefined) {
      const given = PLANS[plan].keyKind === "standard" ? "subscription" : "standard";
      check(
        error.hint.includes(describeKeyKind(given)) && error.hint.includes(PLANS[plan].label),
        `hint misses the key/plan mismatch: ${error.hint}`,
      );
    }
    return `401 ${error.code ?? ""}: ${error.hint}`.trim();
  },
};
