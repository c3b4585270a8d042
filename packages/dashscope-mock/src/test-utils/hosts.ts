import { endpointFor, type NativeEndpoint } from "@qwenkit/core";
import { ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS } from "@qwenkit/core/advanced";
import type { MockHttpRequest } from "../mock-handler.js";

/** Fake keys of each plan (never real: the mock only checks prefixes). */
export const STANDARD_KEY = "sk-test-standard-000000a1b2";
export const CODING_KEY = "sk-sp-test-coding-0000c3d4";

/** The shared Pay-as-you-go and Coding Plan hosts of China and Singapore. */
const PRIMARY_ENDPOINTS = (["standard", "coding"] as const).flatMap((plan) =>
  (["cn-beijing", "ap-southeast-1"] as const).map((region) => endpointFor({ plan, region })),
);

/** The four primary hosts with a key that fits each and a model each serves, for table-driven tests. */
export const HOSTS = PRIMARY_ENDPOINTS.map((endpoint) => ({
  host: endpoint.host,
  plan: endpoint.plan,
  baseUrl: endpoint.baseUrl,
  key: endpoint.plan === "coding" ? CODING_KEY : STANDARD_KEY,
  wrongKey: endpoint.plan === "coding" ? STANDARD_KEY : CODING_KEY,
  model: "qwen3-coder-plus",
}));

/** A host of the table. */
export type TestHost = (typeof HOSTS)[number];

/** The workspace id of the workspace domains in {@link ALL_HOSTS}. */
export const WORKSPACE_ID = "llm-mock01";

/** Every family in every region it exists in (workspace domains with {@link WORKSPACE_ID}). */
export const ALL_HOSTS: readonly (NativeEndpoint & { readonly key: string; readonly wrongKey: string })[] =
  ENDPOINT_FAMILY_IDS.flatMap((family) =>
    ENDPOINT_FAMILIES[family].regions.map((region) => {
      const workspaceId = family === "workspace" ? WORKSPACE_ID : undefined;
      const endpoint = endpointFor({ family, region, workspaceId });
      const standard = endpoint.plan === "standard";
      return {
        ...endpoint,
        key: standard ? STANDARD_KEY : CODING_KEY,
        wrongKey: standard ? CODING_KEY : STANDARD_KEY,
      };
    }),
  );

/** A chat-completions request to `baseUrl` (a WHATWG Request, as msw passes it). */
export function chatRequest(
  baseUrl: string,
  body: unknown,
  options: { readonly key?: string | null; readonly headers?: Record<string, string> } = {},
): MockHttpRequest {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? STANDARD_KEY}`;
  return new Request(`${baseUrl}/chat/completions`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** A streamed request body with usage asked for. */
export const streamed = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: "user", content: "Who are you?" }],
  stream: true,
  stream_options: { include_usage: true },
  ...extra,
});

/** The table row of one host. */
export function testHost(host: TestHost["host"]): TestHost {
  const found = HOSTS.find((candidate) => candidate.host === host);
  if (found === undefined) throw new Error(`${host} is not a primary host`);
  return found;
}
