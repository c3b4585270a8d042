import { QwenConfigError, quoteInput } from "../errors.js";
import {
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  type EndpointFamilyId,
  type EndpointFamilySpec,
  familyHost,
  isEndpointFamilyId,
  needsWorkspaceId,
} from "./families.js";
import { isReservedHostLabel, type NativeEndpoint, nativeBaseUrl } from "./match.js";
import { isPlan, PLAN_IDS, PLANS, type Plan } from "./plans.js";
import { isRegionId, REGION_IDS, type RegionId, regionName } from "./regions.js";
import { isWorkspaceId } from "./workspace-id.js";

/** What {@link endpointFor} builds an endpoint from. */
export interface EndpointSelection {
  /** The plan; default the family's plan, else `standard` (Pay-as-you-go). */
  readonly plan?: Plan;
  /** The Alibaba Cloud RegionId, e.g. `ap-southeast-1`. */
  readonly region: RegionId;
  /** A workspace id (one DNS label): selects the workspace-dedicated domain. */
  readonly workspaceId?: string;
  /** A family by name, e.g. `trial`; default the plan's own host, or the workspace domain with a workspace id. */
  readonly family?: EndpointFamilyId;
}

const familyRegions = (family: EndpointFamilyId) =>
  ENDPOINT_FAMILIES[family].regions.map(regionName).join(", ");

function invalid(message: string, hint: string): QwenConfigError {
  return new QwenConfigError("invalid-option", message, hint);
}

/** The templated family whose hosts start with `label` (`trial`, `token-plan`). */
const familyNamedBy = (label: string): EndpointFamilyId | undefined =>
  ENDPOINT_FAMILY_IDS.find((id) => {
    const { host } = ENDPOINT_FAMILIES[id] as EndpointFamilySpec;
    return host.kind !== "fixed" && host.template.startsWith(`${label}.`);
  });

function checkedSelection(selection: EndpointSelection): {
  plan: Plan | undefined;
  region: RegionId;
  workspaceId: string | undefined;
  family: EndpointFamilyId | undefined;
} {
  const { plan, region, workspaceId, family } = selection;
  if (plan !== undefined && !isPlan(plan)) {
    throw invalid(`Unknown plan ${quoteInput(String(plan))}.`, `Use one of: ${PLAN_IDS.join(", ")}.`);
  }
  if (!isRegionId(region)) {
    throw invalid(
      region === undefined ? "No region given." : `Unknown region ${quoteInput(String(region))}.`,
      `Use an Alibaba Cloud RegionId: ${REGION_IDS.map(regionName).join(", ")}.`,
    );
  }
  if (family !== undefined && !isEndpointFamilyId(family)) {
    throw invalid(
      `Unknown endpoint family ${quoteInput(String(family))}.`,
      `Use one of: ${ENDPOINT_FAMILY_IDS.join(", ")}.`,
    );
  }
  const workspace = typeof workspaceId === "string" ? workspaceId.trim().toLowerCase() : workspaceId;
  if (workspace !== undefined && !isWorkspaceId(workspace)) {
    throw invalid(
      `Invalid workspace id ${quoteInput(String(workspaceId))}: it must be one DNS label (letters, digits, inner hyphens).`,
      "Copy the workspace id from the Model Studio console (the first label of the workspace's domain).",
    );
  }
  if (workspace !== undefined && isReservedHostLabel(workspace)) {
    throw invalid(
      `Invalid workspace id ${quoteInput(String(workspaceId))}: "${workspace}" is the first label of Model Studio's own ${workspace}.{regionId} hosts, not a workspace.`,
      `Leave workspaceId out: that host is endpointFor({ family: "${familyNamedBy(workspace)}", region }) (pass its baseUrl as the baseUrl option); a workspace id is the first label of your workspace's own domain.`,
    );
  }
  return { plan, region, workspaceId: workspace, family };
}

function defaultFamily(plan: Plan, region: RegionId, withWorkspace: boolean): EndpointFamilyId {
  const wanted = withWorkspace ? "workspaceId" : "plan";
  const ofPlan = ENDPOINT_FAMILY_IDS.filter((id) => ENDPOINT_FAMILIES[id].plan === plan);
  const chosen = ofPlan.find((id) => {
    const spec: EndpointFamilySpec = ENDPOINT_FAMILIES[id];
    return spec.selectedBy === wanted && spec.regions.includes(region);
  });
  if (chosen !== undefined) return chosen;
  if (withWorkspace) {
    throw invalid(
      `A workspace id selects a ${ENDPOINT_FAMILIES.workspace.label}, and those take ${PLANS[ENDPOINT_FAMILIES.workspace.plan].label} keys only, not ${PLANS[plan].label} keys.`,
      `Leave workspaceId out for the ${PLANS[plan].label}, or use plan "${ENDPOINT_FAMILIES.workspace.plan}".`,
    );
  }
  const elsewhere = ofPlan.filter((id) =>
    (ENDPOINT_FAMILIES[id].regions as readonly RegionId[]).includes(region),
  );
  if (elsewhere.some(needsWorkspaceId)) {
    throw invalid(
      `The region ${regionName(region)} has only ${ENDPOINT_FAMILIES.workspace.label}s for ${PLANS[plan].label}: there is no shared host to default to.`,
      `Pass workspaceId (the workspace's id from the Model Studio console), or for the trial domain endpointFor({ family: "trial", region }) (its baseUrl as the baseUrl option).`,
    );
  }
  const home = ofPlan.find((id) => ENDPOINT_FAMILIES[id].selectedBy === "plan");
  throw invalid(
    `The ${PLANS[plan].label} has no host in ${regionName(region)}.`,
    home === undefined
      ? `Pick another plan.`
      : `Its hosts are in ${familyRegions(home)}; pick one of those regions.`,
  );
}

/**
 * The native endpoint for a plan, region and (for a workspace-dedicated domain) workspace id,
 * without typing a URL. With no family given, the plan's default host in the region is chosen:
 * Pay-as-you-go the shared DashScope domain (or, with a `workspaceId`, the workspace's own
 * domain), the Coding Plan and Token Plan their hosts. The trial domain is chosen by
 * `family: "trial"` only.
 *
 * @throws {@link QwenConfigError} `invalid-option` for an unknown plan, region or family, a
 * malformed workspace id, a region the family has no host in (a region that has only workspace
 * domains, such as `ap-northeast-1`, without a `workspaceId` says so), a family of another plan,
 * or a workspace id for a family that has none.
 * @example endpointFor({ plan: "token", region: "cn-beijing" }).baseUrl
 * // "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1"
 */
export function endpointFor(selection: EndpointSelection): NativeEndpoint {
  if (typeof selection !== "object" || selection === null) {
    throw invalid(
      "endpointFor needs an object { plan, region, workspaceId?, family? }.",
      "Pass at least a region.",
    );
  }
  const { plan, region, workspaceId, family: asked } = checkedSelection(selection);
  if (asked !== undefined && plan !== undefined && ENDPOINT_FAMILIES[asked].plan !== plan) {
    throw invalid(
      `The ${ENDPOINT_FAMILIES[asked].label} family serves the ${PLANS[ENDPOINT_FAMILIES[asked].plan].label}, not the ${PLANS[plan].label}.`,
      `Leave plan out, or pick a family of the ${PLANS[plan].label}.`,
    );
  }
  const family = asked ?? defaultFamily(plan ?? "standard", region, workspaceId !== undefined);
  const spec: EndpointFamilySpec = ENDPOINT_FAMILIES[family];
  if (needsWorkspaceId(family) !== (workspaceId !== undefined)) {
    throw invalid(
      workspaceId === undefined
        ? `A ${spec.label} is named by its workspace id, and none was given.`
        : `A ${spec.label} has no workspace id in its name.`,
      workspaceId === undefined ? "Pass workspaceId." : "Leave workspaceId out.",
    );
  }
  const host = familyHost(family, region, workspaceId);
  if (host === undefined) {
    throw invalid(
      `There is no ${spec.label} in ${regionName(region)}.`,
      `${spec.label} regions: ${familyRegions(family)}.`,
    );
  }
  return {
    family,
    plan: spec.plan,
    region,
    workspaceId,
    host,
    basePath: spec.basePath,
    baseUrl: nativeBaseUrl(host, spec.basePath),
  };
}
