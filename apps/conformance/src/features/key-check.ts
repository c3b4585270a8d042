import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";

/** A key of the wrong plan is reported before any request; the right one is not. */
export const keyCheckFeature: Feature<HostContext> = {
  id: "key-check",
  title: "key prefix checked before any request",
  async run(ctx) {
    const right = ctx.resolveNative().warnings.filter((w) => w.code === "key-plan-mismatch");
    check(right.length === 0, `the host's own key was reported: ${right[0]?.message}`);
    const wrong = ctx.resolveNative({ apiKey: ctx.wrongPlanKey }).warnings;
    check(
      wrong.some((w) => w.code === "key-plan-mismatch"),
      "a key of the other plan gave no key-plan-mismatch warning",
    );
    return `${ctx.host.plan} key accepted; ${ctx.host.plan === "coding" ? "Standard" : "Coding Plan"} key flagged`;
  },
};
