import { authChoiceSpec } from "@qwenkit/core";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";

/** The auth choice (and its legacy alias) selects this host, with native capabilities. */
export const endpointFeature: Feature<HostContext> = {
  id: "endpoint",
  title: "endpoint from auth choice",
  async run(ctx) {
    const { host } = ctx;
    const canonical = ctx.resolveNative();
    const { endpoint, capabilities } = canonical;
    check(endpoint.baseUrl === host.endpoint.baseUrl, `${host.authChoice} resolved to ${endpoint.baseUrl}`);
    check(
      endpoint.plan === host.plan && endpoint.region === host.endpoint.region,
      `plan/region ${endpoint.plan}/${endpoint.region}`,
    );
    check(capabilities.native && capabilities.streamingUsage, "native capabilities not detected");
    const legacyId = authChoiceSpec(host.authChoice).legacyId ?? "";
    const legacy = ctx.resolveNative({ authChoice: legacyId });
    check(legacy.endpoint.baseUrl === endpoint.baseUrl, `${legacyId} resolved to ${legacy.endpoint.baseUrl}`);
    check(
      legacy.warnings.some((w) => w.code === "deprecated-auth-choice" && w.message.includes(host.authChoice)),
      `${legacyId} gave no deprecation warning naming ${host.authChoice}`,
    );
    return `${host.authChoice} → ${endpoint.baseUrl}`;
  },
};
