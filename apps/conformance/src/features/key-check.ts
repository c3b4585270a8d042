import { describeKeyKind, PLANS } from "@qwenkit/core/advanced";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";

/** A key of the wrong kind is reported before any request, never naming one subscription; the right one is not. */
export const keyCheckFeature: Feature<HostContext> = {
  id: "key-check",
  title: "key kind checked before any request",
  async run(ctx) {
    const right = ctx.resolveNative().warnings.filter((w) => w.code === "key-plan-mismatch");
    check(right.length === 0, `the host's own key was reported: ${right[0]?.message}`);
    const wrong = ctx
      .resolveNative({ apiKey: ctx.wrongPlanKey })
      .warnings.find((w) => w.code === "key-plan-mismatch");
    check(wrong !== undefined, "a key of the other kind gave no key-plan-mismatch warning");
    const { keyKind } = PLANS[ctx.host.plan];
    const other = keyKind === "standard" ? "subscription" : "standard";
    check(
      wrong.message.includes(describeKeyKind(other)),
      `the warning does not describe the key: ${wrong.message}`,
    );
    check(
      !/is a (Coding|Token) Plan key/.test(wrong.message),
      `the warning claims which subscription: ${wrong.message}`,
    );
    return `${PLANS[ctx.host.plan].label} key accepted; ${describeKeyKind(other)} flagged`;
  },
};
