import type { Plan } from "./plans.js";
import type { RegionId } from "./regions.js";

/** The host families of Model Studio's OpenAI-compatible API, by qwenkit's id. */
export type EndpointFamilyId = "dashscope" | "workspace" | "trial" | "coding-plan" | "token-plan";

/**
 * How a family names its hosts: a fixed hostname per region, or a template under
 * `maas.aliyuncs.com` with `{regionId}` (and, for workspace domains, `{workspaceId}`) in it.
 */
export type HostRule =
  | { readonly kind: "fixed"; readonly byRegion: Readonly<Partial<Record<RegionId, string>>> }
  | { readonly kind: "template"; readonly template: string };

/** One row of {@link ENDPOINT_FAMILIES}. */
export interface EndpointFamilySpec {
  /** The family as people call it, e.g. `workspace-dedicated domain`. */
  readonly label: string;
  /** The plan whose keys the family's hosts take. */
  readonly plan: Plan;
  /** The regions the family has a host in. */
  readonly regions: readonly RegionId[];
  /** How the family's hostnames are spelled. */
  readonly host: HostRule;
  /** The path of the OpenAI-compatible API on the host; the base URL is `https://{host}{basePath}`. */
  readonly basePath: "/compatible-mode/v1" | "/v1";
  /** Whether `GET {baseUrl}/models` exists. */
  readonly modelsEndpoint: boolean;
  /**
   * Which keys a host takes: `region` = any key of its plan and region; `workspace` = only keys
   * of the workspace the host is dedicated to.
   */
  readonly keys: "region" | "workspace";
  /**
   * How `endpointFor` picks the family: `plan` = the default host of its plan in a region,
   * `workspaceId` = when a workspace id is given, `family` = only when asked for by name.
   */
  readonly selectedBy: "plan" | "workspaceId" | "family";
}

const SHARED_DOMAINS = {
  "cn-beijing": "dashscope.aliyuncs.com",
  "ap-southeast-1": "dashscope-intl.aliyuncs.com",
  "us-east-1": "dashscope-us.aliyuncs.com",
  "cn-hongkong": "cn-hongkong.dashscope.aliyuncs.com",
} as const satisfies Readonly<Partial<Record<RegionId, string>>>;

const CODING_PLAN_HOSTS = {
  "cn-beijing": "coding.dashscope.aliyuncs.com",
  "ap-southeast-1": "coding-intl.dashscope.aliyuncs.com",
} as const satisfies Readonly<Partial<Record<RegionId, string>>>;

const WORKSPACE_REGIONS = [
  "cn-beijing",
  "ap-southeast-1",
  "ap-northeast-1",
  "eu-central-1",
  "cn-hongkong",
  "us-east-1",
] as const satisfies readonly RegionId[];

const regionsOf = (hosts: Readonly<Partial<Record<RegionId, string>>>) => Object.keys(hosts) as RegionId[];

/**
 * Every host family of Model Studio's OpenAI-compatible API (Alibaba Cloud Model Studio docs,
 * "Base URL overview" and "Token Plan overview", 2026-11-27):
 *
 * - `dashscope`: the shared DashScope domains (Alibaba calls them legacy but available).
 * - `workspace`: `{workspaceId}.{regionId}.maas.aliyuncs.com`, recommended for production; only
 *   the workspace's own keys work there.
 * - `trial`: `trial.{regionId}.maas.aliyuncs.com`, for quick tests at low rate limits.
 * - `coding-plan`: the Coding Plan's hosts (path `/v1`, no `/models`).
 * - `token-plan`: `token-plan.{regionId}.maas.aliyuncs.com`.
 *
 * Where the docs are silent qwenkit decided: trial domains exist in every region that has
 * workspace domains, take any key of the region, and list models; Token Plan hosts have no
 * `/models`, like the Coding Plan's.
 */
export const ENDPOINT_FAMILIES = {
  dashscope: {
    label: "DashScope shared domain",
    plan: "standard",
    regions: regionsOf(SHARED_DOMAINS),
    host: { kind: "fixed", byRegion: SHARED_DOMAINS },
    basePath: "/compatible-mode/v1",
    modelsEndpoint: true,
    keys: "region",
    selectedBy: "plan",
  },
  workspace: {
    label: "workspace-dedicated domain",
    plan: "standard",
    regions: WORKSPACE_REGIONS,
    host: { kind: "template", template: "{workspaceId}.{regionId}.maas.aliyuncs.com" },
    basePath: "/compatible-mode/v1",
    modelsEndpoint: true,
    keys: "workspace",
    selectedBy: "workspaceId",
  },
  trial: {
    label: "trial domain",
    plan: "standard",
    regions: WORKSPACE_REGIONS,
    host: { kind: "template", template: "trial.{regionId}.maas.aliyuncs.com" },
    basePath: "/compatible-mode/v1",
    modelsEndpoint: true,
    keys: "region",
    selectedBy: "family",
  },
  "coding-plan": {
    label: "Coding Plan host",
    plan: "coding",
    regions: regionsOf(CODING_PLAN_HOSTS),
    host: { kind: "fixed", byRegion: CODING_PLAN_HOSTS },
    basePath: "/v1",
    modelsEndpoint: false,
    keys: "region",
    selectedBy: "plan",
  },
  "token-plan": {
    label: "Token Plan host",
    plan: "token",
    regions: ["cn-beijing", "ap-southeast-1"],
    host: { kind: "template", template: "token-plan.{regionId}.maas.aliyuncs.com" },
    basePath: "/compatible-mode/v1",
    modelsEndpoint: false,
    keys: "region",
    selectedBy: "plan",
  },
} as const satisfies Readonly<Record<EndpointFamilyId, EndpointFamilySpec>>;

/** The family ids (the set, not an order to look things up by). */
export const ENDPOINT_FAMILY_IDS = Object.keys(ENDPOINT_FAMILIES) as readonly EndpointFamilyId[];

/** Whether `value` is one of the {@link ENDPOINT_FAMILIES} ids. */
export function isEndpointFamilyId(value: unknown): value is EndpointFamilyId {
  return typeof value === "string" && Object.hasOwn(ENDPOINT_FAMILIES, value);
}

/** Whether a family's hosts are named by a workspace id. */
export function needsWorkspaceId(family: EndpointFamilyId): boolean {
  const { host } = ENDPOINT_FAMILIES[family] as EndpointFamilySpec;
  return host.kind === "template" && host.template.includes("{workspaceId}");
}

/**
 * The hostname of a family's host in a region, or `undefined` when the family has none there.
 * The workspace id is inserted as given; callers validate it first.
 */
export function familyHost(
  family: EndpointFamilyId,
  region: RegionId,
  workspaceId?: string,
): string | undefined {
  const spec: EndpointFamilySpec = ENDPOINT_FAMILIES[family];
  if (!spec.regions.includes(region)) return undefined;
  if (spec.host.kind === "fixed") return spec.host.byRegion[region];
  if (needsWorkspaceId(family) && workspaceId === undefined) return undefined;
  return spec.host.template.replace("{regionId}", region).replace("{workspaceId}", workspaceId ?? "");
}
