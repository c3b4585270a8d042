import { AUTH_CHOICES, type AuthChoice, ENDPOINTS, type Endpoint, type Plan } from "@qwenkit/core";

/** Stable id of a column-group in the matrix: one per plan and region the auth choices select. */
export type HostId = "standard-china" | "standard-global" | "coding-china" | "coding-global";

/** One DashScope host under test. */
export interface ConformanceHost {
  readonly id: HostId;
  readonly label: string;
  readonly authChoice: AuthChoice;
  readonly plan: Plan;
  readonly endpoint: Endpoint;
}

function endpointOf(plan: Plan, region: string): Endpoint {
  const endpoint = ENDPOINTS.find((e) => e.plan === plan && e.region === region);
  if (!endpoint) throw new Error(`no endpoint for ${plan}/${region}`);
  return endpoint;
}

/** The four hosts of the matrix, in the order of the auth-choice table. */
export const CONFORMANCE_HOSTS: readonly ConformanceHost[] = AUTH_CHOICES.map((choice) => ({
  id: `${choice.plan}-${choice.region}` as HostId,
  label: choice.label,
  authChoice: choice.id,
  plan: choice.plan,
  endpoint: endpointOf(choice.plan, choice.region),
}));
