import { ENDPOINT_FAMILIES, PLANS } from "@qwenkit/core/advanced";
import { check, type HostContext } from "../context.js";
import { SkipCell } from "../result.js";
import type { Feature } from "../runner.js";
import { MOCK_OTHER_WORKSPACE_KEY } from "../targets.js";
import { apiErrorOfKind, rejection, TINY_REQUEST } from "./shared.js";

/**
 * Which workspaces' keys a Pay-as-you-go host takes: a workspace-dedicated domain only its own
 * workspace's (another workspace's key gets a 401 whose hint says so), the shared and trial
 * domains any of the region's. Needs a key of another workspace, which only the embedded mock
 * (binding its keys to workspaces) has.
 */
export const workspaceKeyFeature: Feature<HostContext> = {
  id: "workspace-key",
  title: "another workspace's key: refused on a workspace domain only",
  async run(ctx, signal) {
    if (PLANS[ctx.host.plan].keyKind !== "standard")
      throw new SkipCell("subscription keys belong to no workspace");
    if (ctx.target !== "mock")
      throw new SkipCell("needs a key of another workspace (the embedded mock has one)");
    const provider = ctx.provider({ apiKey: MOCK_OTHER_WORKSPACE_KEY });
    check(
      !provider.config.warnings.some((w) => w.code === "key-plan-mismatch"),
      "a Pay-as-you-go key was flagged as the wrong kind",
    );
    if (ENDPOINT_FAMILIES[ctx.host.endpoint.family].keys !== "workspace") {
      const result = await provider.chat(TINY_REQUEST, { signal });
      check(result.text.length > 0, "empty answer");
      return "any workspace's key of the region works";
    }
    const error = apiErrorOfKind(
      await rejection(provider.chat(TINY_REQUEST, { signal }), "a 401"),
      "invalid-api-key",
    );
    check(error.status === 401, `status ${error.status}`);
    check(
      /only API keys created in that workspace/.test(error.hint),
      `hint misses the workspace rule: ${error.hint}`,
    );
    return `401; ${error.hint}`;
  },
};
