import { authChoiceSpec, ENDPOINT_FAMILIES } from "@qwenkit/core/advanced";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";

/**
 * The host is chosen without typing its URL (its auth choice, and its legacy alias, or the plan,
 * region and workspace id options; a trial domain by its URL) and resolves with its family, plan,
 * region and workspace id, and native capabilities.
 */
export const endpointFeature: Feature<HostContext> = {
  id: "endpoint",
  title: "endpoint selected, family/plan/region reported",
  async run(ctx) {
    const { host } = ctx;
    const { endpoint, capabilities } = ctx.resolveNative();
    const how = Object.entries(host.selection)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ");
    check(endpoint.baseUrl === host.endpoint.baseUrl, `${how} resolved to ${endpoint.baseUrl}`);
    const { family, plan, region, workspaceId } = host.endpoint;
    check(
      endpoint.family === family &&
        endpoint.plan === plan &&
        endpoint.region === region &&
        endpoint.workspaceId === workspaceId,
      `family/plan/region/workspace ${endpoint.family}/${endpoint.plan}/${endpoint.region}/${endpoint.workspaceId}`,
    );
    check(capabilities.native && capabilities.streamingUsage, "native capabilities not detected");
    check(
      capabilities.modelsEndpoint === ENDPOINT_FAMILIES[family].modelsEndpoint,
      "capabilities.modelsEndpoint disagrees with the family",
    );
    const legacyId = host.authChoice === undefined ? undefined : authChoiceSpec(host.authChoice).legacyId;
    if (legacyId !== undefined && host.authChoice !== undefined) {
      const legacy = ctx.resolveNative({ authChoice: legacyId });
      check(
        legacy.endpoint.baseUrl === endpoint.baseUrl,
        `${legacyId} resolved to ${legacy.endpoint.baseUrl}`,
      );
      const canonical = host.authChoice;
      check(
        legacy.warnings.some((w) => w.code === "deprecated-auth-choice" && w.message.includes(canonical)),
        `${legacyId} gave no deprecation warning naming ${canonical}`,
      );
    }
    return `${how} → ${endpoint.baseUrl}`;
  },
};
