import { isLoopbackHost, normalizeBaseUrl } from "../base-url.js";
import { QwenConfigError, quoteInput } from "../errors.js";
import {
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  type EndpointFamilyId,
  type EndpointFamilySpec,
} from "./families.js";
import type { Plan } from "./plans.js";
import { isRegionId, type RegionId } from "./regions.js";
import { WORKSPACE_ID_PATTERN } from "./workspace-id.js";

/** A native Model Studio hostname, and what it is. */
export interface NativeHostMatch {
  readonly family: EndpointFamilyId;
  readonly plan: Plan;
  readonly region: RegionId;
  /** The workspace a workspace-dedicated domain belongs to; `undefined` for every other family. */
  readonly workspaceId: string | undefined;
  /** The hostname, lower-case. */
  readonly host: string;
  /** The OpenAI-compatible API's path on the host (`/compatible-mode/v1`, Coding Plan `/v1`). */
  readonly basePath: string;
}

/** A native OpenAI-compatible endpoint: a host and its base URL `https://{host}{basePath}`. */
export interface NativeEndpoint extends NativeHostMatch {
  readonly baseUrl: string;
}

interface HostPattern {
  readonly family: EndpointFamilyId;
  readonly pattern: RegExp;
  /** The literal first label (`trial`, `token-plan`), reserved from workspace ids. */
  readonly firstLabel: string | undefined;
}

const FIXED_HOSTS = new Map<string, { readonly family: EndpointFamilyId; readonly region: RegionId }>();
const TEMPLATE_HOSTS: HostPattern[] = [];
for (const family of ENDPOINT_FAMILY_IDS) {
  const spec: EndpointFamilySpec = ENDPOINT_FAMILIES[family];
  if (spec.host.kind === "fixed") {
    for (const region of spec.regions) {
      const host = spec.host.byRegion[region];
      if (host !== undefined) FIXED_HOSTS.set(host, { family, region });
    }
    continue;
  }
  const source = spec.host.template
    .split(/(\{regionId\}|\{workspaceId\})/)
    .map((part) =>
      part === "{regionId}"
        ? "(?<regionId>[a-z\\d-]+)"
        : part === "{workspaceId}"
          ? `(?<workspaceId>${WORKSPACE_ID_PATTERN})`
          : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  const first = spec.host.template.split(".")[0] ?? "";
  TEMPLATE_HOSTS.push({
    family,
    pattern: new RegExp(`^${source}$`),
    firstLabel: first.includes("{") ? undefined : first,
  });
}
const RESERVED_LABELS: ReadonlySet<string> = new Set(TEMPLATE_HOSTS.flatMap((rule) => rule.firstLabel ?? []));

/**
 * Whether a DNS label is the literal first label of a templated family's host (`trial`,
 * `token-plan`): such a label names Model Studio's own host, never a workspace.
 */
export function isReservedHostLabel(label: string): boolean {
  return RESERVED_LABELS.has(label);
}
const HOSTNAME_CHARS = /^[a-z\d.-]{1,253}$/;

function hostMatch(
  family: EndpointFamilyId,
  region: RegionId,
  workspaceId: string | undefined,
  host: string,
): NativeHostMatch {
  const spec = ENDPOINT_FAMILIES[family];
  return { family, plan: spec.plan, region, workspaceId, host, basePath: spec.basePath };
}

function templateMatch(rule: HostPattern, host: string): NativeHostMatch | undefined {
  const groups = rule.pattern.exec(host)?.groups;
  if (groups === undefined) return undefined;
  const { regionId, workspaceId } = groups;
  const regions: readonly RegionId[] = ENDPOINT_FAMILIES[rule.family].regions;
  if (!isRegionId(regionId) || !regions.includes(regionId)) return undefined;
  if (workspaceId !== undefined && RESERVED_LABELS.has(workspaceId)) return undefined;
  return hostMatch(rule.family, regionId, workspaceId, host);
}

/**
 * What a hostname is, when it is a native Model Studio host of any family (see
 * `ENDPOINT_FAMILIES`). Matching is exact: a fixed host must be spelled as listed, a templated one
 * must have exactly the template's labels with a known region id of that family, and a workspace
 * id is one DNS label other than the reserved `trial` and `token-plan`. So
 * `dashscope.aliyuncs.com.evil.example`, `a.b.ap-southeast-1.maas.aliyuncs.com`,
 * `trial.mars-1.maas.aliyuncs.com` and a trailing-dot `dashscope.aliyuncs.com.` are not native.
 * Case is ignored. Never throws.
 *
 * @example matchNativeHost("llm-abc.ap-southeast-1.maas.aliyuncs.com")?.family // "workspace"
 */
export function matchNativeHost(hostname: string): NativeHostMatch | undefined {
  if (typeof hostname !== "string") return undefined;
  const host = hostname.toLowerCase();
  if (!HOSTNAME_CHARS.test(host)) return undefined;
  const fixed = FIXED_HOSTS.get(host);
  if (fixed !== undefined) return hostMatch(fixed.family, fixed.region, undefined, host);
  // Fail closed: a hostname two families could claim is nobody's (the reserved labels make it impossible).
  const matches = TEMPLATE_HOSTS.flatMap((rule) => templateMatch(rule, host) ?? []);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The native host a URL names in the mock layout, `http(s)://{loopback}:{port}/{native host}{path}`
 * (the host segment spelled exactly as the host, lower-case), and the path after that segment
 * (`/` when there is none). `undefined` for a URL that is not on loopback or not in that layout.
 */
export function matchMockLayout(
  url: URL,
): { readonly host: NativeHostMatch; readonly path: string } | undefined {
  if (!isLoopbackHost(url.hostname)) return undefined;
  const slash = url.pathname.indexOf("/", 1);
  const first = url.pathname.slice(1, slash < 0 ? undefined : slash);
  const host = matchNativeHost(first);
  if (host === undefined || host.host !== first) return undefined;
  return { host, path: slash < 0 ? "/" : url.pathname.slice(slash) };
}

/** The OpenAI-compatible base URL of a native host: the one place it is spelled. */
export const nativeBaseUrl = (host: string, basePath: string): string => `https://${host}${basePath}`;

const withBaseUrl = (match: NativeHostMatch): NativeEndpoint => ({
  ...match,
  baseUrl: nativeBaseUrl(match.host, match.basePath),
});

/**
 * The native endpoint a base URL points at, if any. The URL is normalized first (see
 * `normalizeBaseUrl`) and then must be one of:
 *
 * - `https://{native host}{basePath}` on the default port, where the host is as
 *   {@link matchNativeHost} accepts it and the path is exactly the family's base path;
 * - the mock layout on a loopback host, `http(s)://{loopback}:{port}/{native host}{basePath}`
 *   (what `@qwenkit/dashscope-mock` serves; see {@link mockBaseUrl}), which resolves as that native host.
 *
 * So lookalikes are not native: another host that embeds a native name, plain `http://` to a real
 * host, another port, a URL with a username or password, a trailing-dot host, or the mock layout on a
 * host that is not loopback. Never throws: a URL that does not parse is simply not native. The
 * result's `baseUrl` is the real host's URL, also for a mock-layout input.
 */
export function matchNativeEndpoint(baseUrl: string): NativeEndpoint | undefined {
  let url: URL;
  try {
    url = new URL(normalizeBaseUrl(baseUrl));
  } catch {
    return undefined;
  }
  if (url.protocol === "https:" && url.port === "") {
    const direct = matchNativeHost(url.hostname);
    return direct !== undefined && url.pathname === direct.basePath ? withBaseUrl(direct) : undefined;
  }
  const inMock = matchMockLayout(url);
  return inMock !== undefined && inMock.path === inMock.host.basePath ? withBaseUrl(inMock.host) : undefined;
}

/**
 * The base URL of a native endpoint in the mock layout under `origin`:
 * `{origin}/{host}{basePath}`, e.g. `http://127.0.0.1:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1`.
 * On a loopback origin, {@link matchNativeEndpoint} (and so `resolveQwenConfig`) reads that URL as
 * the native host. `endpoint` may be a {@link NativeEndpoint}, a native hostname or a native base URL.
 *
 * @throws {@link QwenConfigError} `invalid-option` when `origin` is not an http(s) origin, or
 * `invalid-base-url` when `endpoint` is not a native host.
 */
export function mockBaseUrl(origin: string, endpoint: NativeEndpoint | string): string {
  const parsed = typeof origin === "string" ? URL.parse(origin.trim()) : null;
  if (parsed === null || !["http:", "https:"].includes(parsed.protocol) || parsed.pathname !== "/") {
    throw new QwenConfigError(
      "invalid-option",
      "The mock origin must be an http(s) origin without a path.",
      'Pass the mock server\'s URL, e.g. "http://127.0.0.1:4010".',
    );
  }
  const native =
    typeof endpoint !== "string"
      ? matchNativeHost(endpoint.host)
      : endpoint.includes("/")
        ? matchNativeEndpoint(endpoint)
        : matchNativeHost(endpoint);
  if (native === undefined) {
    const given = typeof endpoint === "string" ? endpoint : String(endpoint.host);
    throw new QwenConfigError(
      "invalid-base-url",
      `${quoteInput(given)} is not a native Model Studio host or base URL.`,
      'Pass a host such as "dashscope-intl.aliyuncs.com", its base URL, or an endpoint from endpointFor().',
    );
  }
  return `${parsed.origin}/${native.host}${native.basePath}`;
}
