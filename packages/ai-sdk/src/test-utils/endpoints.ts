import { type EndpointFamilyId, endpointFor, type NativeEndpoint, type Plan } from "@qwenkit/core";
import { ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS, needsWorkspaceId } from "@qwenkit/core/advanced";

/** Fake keys the mock takes for each plan (it checks prefixes only). */
export const KEYS: Readonly<Record<Plan, string>> = {
  standard: "sk-aisdk-test-standard-0000a1b2",
  coding: "sk-sp-aisdk-test-coding-0000c3d4",
  token: "sk-sp-aisdk-test-token-0000e5f6",
};

/** The workspace id the workspace-dedicated endpoints of the table use. */
export const WORKSPACE_ID = "llm-aisdk01";

/** A model every plan serves (hybrid thinking, on by default, so streams carry reasoning). */
export const MODEL_ON_EVERY_PLAN = "qwen3.5-plus";

/** Every native endpoint: each host family in each of its regions. */
export const NATIVE_ENDPOINTS: readonly NativeEndpoint[] = ENDPOINT_FAMILY_IDS.flatMap(
  (family: EndpointFamilyId) =>
    ENDPOINT_FAMILIES[family].regions.map((region) =>
      endpointFor({
        family,
        region,
        ...(needsWorkspaceId(family) ? { workspaceId: WORKSPACE_ID } : {}),
      }),
    ),
);

/** One endpoint per family (its first region), for tests that need a host of each kind. */
export const ENDPOINT_PER_FAMILY: readonly NativeEndpoint[] = ENDPOINT_FAMILY_IDS.map((family) => {
  const endpoint = NATIVE_ENDPOINTS.find((candidate) => candidate.family === family);
  if (endpoint === undefined) throw new Error(`no endpoint of family ${family}`);
  return endpoint;
});

/** The settings for `createQwen` that reach `endpoint` with a key of its plan and no environment. */
export function settingsFor(endpoint: NativeEndpoint, model: string = MODEL_ON_EVERY_PLAN) {
  return { baseUrl: endpoint.baseUrl, apiKey: KEYS[endpoint.plan], model, env: {} } as const;
}
