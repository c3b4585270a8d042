import { findApiKey, PLANS, resolveQwenConfig } from "@qwenkit/core";
import { createDashscopeMockHandler } from "@qwenkit/dashscope-mock";
import { createQwenProvider, type QwenProviderOptions } from "@qwenkit/provider";
import type { HostContext } from "./context.js";
import { CONFORMANCE_HOSTS, type ConformanceHost, type HostId } from "./hosts.js";
import type { TargetKind } from "./result.js";
import type { HostSetup } from "./runner.js";

/** Opt-in for live runs: without it, `--target live` sends nothing. */
export const LIVE_OPT_IN = "QWEN_CONFORMANCE_LIVE";

/** Per-host key variables for live runs (keys are per plan and per region). */
export const LIVE_KEY_VARIABLES: Readonly<Record<HostId, string>> = {
  "standard-china": "QWEN_CONFORMANCE_KEY_STANDARD_CN",
  "standard-global": "QWEN_CONFORMANCE_KEY_STANDARD",
  "coding-china": "QWEN_CONFORMANCE_KEY_CODING_CN",
  "coding-global": "QWEN_CONFORMANCE_KEY_CODING",
};

// Keys the mock accepts: the plan is in the prefix, nothing else is checked.
const MOCK_KEYS = {
  standard: "sk-qwenkit-conformance-standard-0000",
  coding: "sk-sp-qwenkit-conformance-coding-0000",
  token: "sk-sp-qwenkit-conformance-token-0000",
};

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
      resolveQwenConfig({ authChoice: host.authChoice, apiKey: options.apiKey ?? "", env: {}, ...overrides }),
    wrongPlanKey: host.plan === "coding" ? MOCK_KEYS.standard : MOCK_KEYS.coding,
    longStreamHeaders,
  };
}

// Nothing from the caller's environment may leak into a run: every option is explicit.
const baseOptions = (host: ConformanceHost, apiKey: string, headers: RunHeaders): QwenProviderOptions => ({
  authChoice: host.authChoice,
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
      const mock = createDashscopeMockHandler();
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
          const path = new URL(host.endpoint.baseUrl).pathname;
          const options: QwenProviderOptions = {
            ...baseOptions(host, MOCK_KEYS[host.plan], headers),
            baseUrl: `${root}/${host.endpoint.host}${path}`,
            // Not a DashScope hostname, but it speaks for one: shape and count usage as natively.
            shapeRequests: "always",
            streamingUsage: true,
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

function prepareLive(env: Readonly<Record<string, string | undefined>>, headers: RunHeaders): PreparedTarget {
  const how =
    `set ${LIVE_OPT_IN}=1 and a key per host: ${Object.values(LIVE_KEY_VARIABLES).join(", ")} ` +
    "(or QWEN_API_KEY / MODELSTUDIO_API_KEY / DASHSCOPE_API_KEY for the Global host of the key's plan)";
  if (env[LIVE_OPT_IN] !== "1") {
    return {
      kind: "live",
      notice: `live run not enabled: ${how}`,
      setup: () => ({ skip: `${LIVE_OPT_IN} is not 1` }),
      secrets: [],
      close: async () => {},
    };
  }
  // A generic key belongs to the Global host of its plan; per-host variables win.
  const generic = findApiKey({ env });
  const keys = new Map<HostId, string>();
  for (const host of CONFORMANCE_HOSTS) {
    const own = env[LIVE_KEY_VARIABLES[host.id]]?.trim();
    const fallback =
      generic && host.endpoint.region === "ap-southeast-1" && generic.apiKey.kind === PLANS[host.plan].keyKind
        ? generic.apiKey.reveal()
        : undefined;
    const key = own || fallback;
    if (key) keys.set(host.id, key);
  }
  return {
    kind: "live",
    notice: keys.size === 0 ? `no live keys configured: ${how}` : undefined,
    setup: (host) => {
      const key = keys.get(host.id);
      if (key === undefined) return { skip: `no key for ${host.id}: set ${LIVE_KEY_VARIABLES[host.id]}` };
      return { context: context(host, "live", baseOptions(host, key, headers), {}) };
    },
    secrets: [...keys.values()],
    close: async () => {},
  };
}
