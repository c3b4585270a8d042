import { endpointFor, matchNativeEndpoint, type Plan, type RegionId, resolveQwenConfig } from "@qwenkit/core";
import { findApiKey, isRegionId, isWorkspaceId, mockBaseUrl, PLANS } from "@qwenkit/core/advanced";
import { createDashscopeMockHandler } from "@qwenkit/dashscope-mock";
import { createQwenProvider, type QwenProviderOptions } from "@qwenkit/provider";
import type { HostContext } from "./context.js";
import { CONFORMANCE_HOSTS, type ConformanceHost, type HostId, MOCK_WORKSPACE_ID } from "./hosts.js";
import type { TargetKind } from "./result.js";
import type { HostSetup } from "./runner.js";

/** Opt-in for live runs: without it, `--target live` sends nothing. */
export const LIVE_OPT_IN = "QWEN_CONFORMANCE_LIVE";

/** The live workspace: its id and region (its domain is the only workspace host a live run reaches). */
export const LIVE_WORKSPACE_VARIABLES = {
  id: "QWEN_CONFORMANCE_WORKSPACE_ID",
  region: "QWEN_CONFORMANCE_WORKSPACE_REGION",
} as const;

/**
 * The variable holding the live key of a plan in a region (keys are per plan and per region):
 * `QWEN_CONFORMANCE_KEY_<PLAN>` for Singapore (Global), `…_CN` for China (Beijing), and
 * `…_<REGION>` for the others, e.g. `QWEN_CONFORMANCE_KEY_STANDARD_US_EAST_1`. A workspace domain
 * takes only keys of its workspace, so its region's Pay-as-you-go variable must hold one.
 */
export function liveKeyVariable(plan: Plan, region: RegionId): string {
  const suffix =
    region === "ap-southeast-1"
      ? ""
      : region === "cn-beijing"
        ? "_CN"
        : `_${region.toUpperCase().replaceAll("-", "_")}`;
  return `QWEN_CONFORMANCE_KEY_${plan.toUpperCase()}${suffix}`;
}

// Keys the mock accepts by prefix; the workspace domains take only the first Pay-as-you-go key.
const MOCK_KEYS = {
  standard: "sk-qwenkit-conformance-standard-0000",
  coding: "sk-sp-qwenkit-conformance-coding-0000",
  token: "sk-sp-qwenkit-conformance-token-0000",
} as const satisfies Record<Plan, string>;
/** A Pay-as-you-go key of another workspace: the mock's workspace domains refuse it. */
export const MOCK_OTHER_WORKSPACE_KEY = "sk-qwenkit-conformance-otherws-0000";

/** A well-formed key of the other kind, which a host of `plan` refuses. */
const wrongKindKey = (plan: Plan) =>
  PLANS[plan].keyKind === "standard" ? MOCK_KEYS.coding : MOCK_KEYS.standard;

const LONG_STREAM_HEADERS = { "x-mock-chunks": "64", "x-mock-fault": "chunk-delay;delayMs=5" };

/** A target ready to run: per-host set-up, what to redact, and how to tear it down. */
export interface PreparedTarget {
  readonly kind: TargetKind;
  /** Why cells are skipped and how to change that (live runs without opt-in or keys). */
  readonly notice: string | undefined;
  setup(host: ConformanceHost): HostSetup<HostContext>;
  /** Every key in play, to be removed from anything printed. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

export type TargetSpec =
  | { readonly kind: "mock" }
  | { readonly kind: "live"; readonly env: Readonly<Record<string, string | undefined>> }
  | { readonly kind: "base-url"; readonly url: string };

function context(
  host: ConformanceHost,
  target: TargetKind,
  options: QwenProviderOptions,
  longStreamHeaders: Readonly<Record<string, string>>,
): HostContext {
  return {
    host,
    target,
    options,
    provider: (overrides = {}) => createQwenProvider({ ...options, ...overrides }),
    resolveNative: (overrides = {}) =>
      resolveQwenConfig({ ...host.selection, apiKey: options.apiKey ?? "", env: {}, ...overrides }),
    wrongPlanKey: wrongKindKey(host.plan),
    longStreamHeaders,
  };
}

// Nothing from the caller's environment may leak into a run: every option is explicit.
const baseOptions = (host: ConformanceHost, apiKey: string, headers: RunHeaders): QwenProviderOptions => ({
  ...host.selection,
  apiKey,
  env: {},
  maxRetries: 0,
  defaultHeaders: { ...headers },
});

/** Headers every request of a run carries (`--user-agent`, `--header`), names lower-cased. */
export type RunHeaders = Readonly<Record<string, string>>;

/** Sets up the embedded mock, a live run, or a run against a server at a base URL. */
export function prepareTarget(spec: TargetSpec, headers: RunHeaders = {}): PreparedTarget {
  switch (spec.kind) {
    case "mock": {
      // The mock is the provider's fetch: nothing global is patched, so no request of a run can
      // leave the process, on any runtime (msw does not intercept on Bun or Deno).
      const mock = createDashscopeMockHandler({
        workspaceKeys: { [MOCK_WORKSPACE_ID]: [MOCK_KEYS.standard] },
      });
      return {
        kind: "mock",
        notice: undefined,
        setup: (host) => ({
          context: context(
            host,
            "mock",
            { ...baseOptions(host, MOCK_KEYS[host.plan], headers), fetch: mock.fetch },
            LONG_STREAM_HEADERS,
          ),
        }),
        secrets: [],
        close: async () => mock.close(),
      };
    }
    case "base-url": {
      const root = spec.url.replace(/\/+$/, "");
      return {
        kind: "base-url",
        notice: undefined,
        setup: (host) => {
          const baseUrl = mockBaseUrl(root, host.endpoint);
          // On loopback qwenkit reads the mock's layout as the host itself; a remote server in
          // that layout is a custom URL, so it is told to shape and count usage as natively.
          const native = matchNativeEndpoint(baseUrl) !== undefined;
          const options: QwenProviderOptions = {
            ...baseOptions(host, MOCK_KEYS[host.plan], headers),
            baseUrl,
            ...(native ? {} : { shapeRequests: "always", streamingUsage: true }),
          };
          return { context: context(host, "base-url", options, LONG_STREAM_HEADERS) };
        },
        secrets: [],
        close: async () => {},
      };
    }
    case "live":
      return prepareLive(spec.env, headers);
  }
}

/** The live workspace, when both variables are set and valid. */
function liveWorkspace(
  env: Readonly<Record<string, string | undefined>>,
): { readonly id: string; readonly region: RegionId } | string {
  const id = env[LIVE_WORKSPACE_VARIABLES.id]?.trim().toLowerCase();
  const region = env[LIVE_WORKSPACE_VARIABLES.region]?.trim();
  const how = `set ${LIVE_WORKSPACE_VARIABLES.id} and ${LIVE_WORKSPACE_VARIABLES.region}`;
  if (!id || !region) return `no live workspace: ${how}`;
  if (!isWorkspaceId(id)) return `${LIVE_WORKSPACE_VARIABLES.id} is not a workspace id (one DNS label)`;
  if (!isRegionId(region))
    return `${LIVE_WORKSPACE_VARIABLES.region} is not a RegionId such as ap-southeast-1`;
  return { id, region };
}

/** The host a live run reaches: a workspace host becomes the live workspace's domain in its region. */
function liveHost(
  host: ConformanceHost,
  workspace: ReturnType<typeof liveWorkspace>,
): ConformanceHost | string {
  if (host.endpoint.family !== "workspace") return host;
  if (typeof workspace === "string") return workspace;
  if (workspace.region !== host.endpoint.region) return `the live workspace is in ${workspace.region}`;
  const endpoint = endpointFor({ region: workspace.region, workspaceId: workspace.id });
  return {
    ...host,
    endpoint,
    selection: { plan: "standard", region: workspace.region, workspaceId: workspace.id },
  };
}

function prepareLive(env: Readonly<Record<string, string | undefined>>, headers: RunHeaders): PreparedTarget {
  const how =
    `set ${LIVE_OPT_IN}=1 and a key per plan and region (${liveKeyVariable("standard", "ap-southeast-1")}, ` +
    `${liveKeyVariable("coding", "cn-beijing")}, ${liveKeyVariable("token", "ap-southeast-1")}, …), and for a ` +
    `workspace domain ${LIVE_WORKSPACE_VARIABLES.id} and ${LIVE_WORKSPACE_VARIABLES.region} ` +
    "(QWEN_API_KEY / MODELSTUDIO_API_KEY / DASHSCOPE_API_KEY count for Singapore: a Pay-as-you-go key for its " +
    "shared and trial domains, a subscription key for the Coding Plan)";
  if (env[LIVE_OPT_IN] !== "1") {
    return {
      kind: "live",
      notice: `live run not enabled: ${how}`,
      setup: () => ({ skip: `${LIVE_OPT_IN} is not 1` }),
      secrets: [],
      close: async () => {},
    };
  }
  // A generic key is a Singapore key of its kind; an sk-sp- key cannot say which subscription,
  // so it counts for the Coding Plan only, the plan qwenkit itself guesses.
  const generic = findApiKey({ env });
  const genericFits = (host: ConformanceHost) =>
    generic !== undefined &&
    host.endpoint.region === "ap-southeast-1" &&
    host.endpoint.family !== "workspace" &&
    generic.apiKey.kind === PLANS[host.plan].keyKind &&
    (host.plan === "standard" || host.plan === "coding");
  const workspace = liveWorkspace(env);
  const keyOf = (host: ConformanceHost) =>
    env[liveKeyVariable(host.plan, host.endpoint.region)]?.trim() ||
    (genericFits(host) ? generic?.apiKey.reveal() : undefined);
  // Decided up front, so that every key is known to the redactor before the first cell runs.
  const setups = new Map<HostId, HostSetup<HostContext>>();
  const secrets = new Set<string>();
  for (const host of CONFORMANCE_HOSTS) {
    const reached = liveHost(host, workspace);
    const key = typeof reached === "string" ? undefined : keyOf(reached);
    if (typeof reached === "string") setups.set(host.id, { skip: reached });
    else if (!key) {
      setups.set(host.id, {
        skip: `no key for ${host.id}: set ${liveKeyVariable(host.plan, host.endpoint.region)}`,
      });
    } else {
      secrets.add(key);
      setups.set(host.id, { context: context(reached, "live", baseOptions(reached, key, headers), {}) });
    }
  }
  return {
    kind: "live",
    notice: secrets.size === 0 ? `no live keys configured: ${how}` : undefined,
    setup: (host) => setups.get(host.id) ?? { skip: `${host.id} is not a host of the matrix` },
    secrets: [...secrets],
    close: async () => {},
  };
}
