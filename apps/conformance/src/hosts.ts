import {
  AUTH_CHOICES,
  type AuthChoice,
  type EndpointFamilyId,
  endpointFor,
  type NativeEndpoint,
  type Plan,
  REGIONS,
  type RegionId,
} from "@qwenkit/core";
import { AUTH_CHOICE_IDS, ENDPOINT_FAMILIES } from "@qwenkit/core/advanced";

/** Stable id of a column-group in the matrix: the host's family and region, e.g. `token-plan-cn-beijing`. */
export type HostId = `${EndpointFamilyId}-${RegionId}`;

/**
 * How a user picks the host without typing its URL: its auth choice, the `plan` / `region` /
 * `workspaceId` options, or (a trial domain, which only a URL names) its base URL.
 */
export type HostSelection =
  | { readonly authChoice: AuthChoice }
  | { readonly plan: Plan; readonly region: RegionId; readonly workspaceId?: string }
  | { readonly baseUrl: string };

/** One Model Studio host under test. */
export interface ConformanceHost {
  readonly id: HostId;
  readonly label: string;
  readonly plan: Plan;
  readonly endpoint: NativeEndpoint;
  readonly selection: HostSelection;
  /** The auth choice that selects this host, when one does. */
  readonly authChoice: AuthChoice | undefined;
}

/** The workspace id of the workspace domains under the mock (any id works there). */
export const MOCK_WORKSPACE_ID = "llm-conformance";

/**
 * The hosts of the matrix: every region of the shared, workspace, Coding Plan and Token Plan
 * families, and one trial domain (the trial family is the shared one's twin at low rate limits).
 */
const MATRIX: Readonly<Record<EndpointFamilyId, readonly RegionId[]>> = {
  dashscope: ENDPOINT_FAMILIES.dashscope.regions,
  workspace: ENDPOINT_FAMILIES.workspace.regions,
  trial: ["ap-southeast-1"],
  "coding-plan": ENDPOINT_FAMILIES["coding-plan"].regions,
  "token-plan": ENDPOINT_FAMILIES["token-plan"].regions,
};

function selectionOf(endpoint: NativeEndpoint, authChoice: AuthChoice | undefined): HostSelection {
  if (authChoice !== undefined && endpoint.family !== "workspace") return { authChoice };
  if (endpoint.family === "trial") return { baseUrl: endpoint.baseUrl };
  return {
    plan: endpoint.plan,
    region: endpoint.region,
    ...(endpoint.workspaceId === undefined ? {} : { workspaceId: endpoint.workspaceId }),
  };
}

function hostOf(
  family: EndpointFamilyId,
  region: RegionId,
  workspaceId: string | undefined,
): ConformanceHost {
  const endpoint = endpointFor({ family, region, ...(workspaceId === undefined ? {} : { workspaceId }) });
  const choice = AUTH_CHOICE_IDS.find(
    (id) => AUTH_CHOICES[id].plan === endpoint.plan && AUTH_CHOICES[id].region === region,
  );
  const authChoice = family === "workspace" || family === "trial" ? undefined : choice;
  return {
    id: `${family}-${region}`,
    label: `${ENDPOINT_FAMILIES[family].label}, ${REGIONS[region].label}`,
    plan: endpoint.plan,
    endpoint,
    selection: selectionOf(endpoint, authChoice),
    authChoice,
  };
}

/**
 * The hosts of the matrix under the mock (workspace domains with the mock's workspace id; a live
 * run swaps in its own workspace's domain, see `targets.ts`).
 */
export const CONFORMANCE_HOSTS: readonly ConformanceHost[] = (
  Object.keys(MATRIX) as EndpointFamilyId[]
).flatMap((family) =>
  MATRIX[family].map((region) =>
    hostOf(family, region, family === "workspace" ? MOCK_WORKSPACE_ID : undefined),
  ),
);
