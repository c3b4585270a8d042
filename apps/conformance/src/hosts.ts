import { type AuthChoice, authChoiceSpec, type NativeEndpoint, type Plan } from "@qwenkit/core";

/** Stable id of a column-group in the matrix: one per plan and region the auth choices select. */
export type HostId = "standard-china" | "standard-global" | "coding-china" | "coding-global";

/** One DashScope host under test. */
export interface ConformanceHost {
  readonly id: HostId;
  readonly label: string;
  readonly authChoice: AuthChoice;
  readonly plan: Plan;
  readonly endpoint: NativeEndpoint;
}

const HOST_CHOICES = {
  "standard-china": "qwen-standard-api-key-cn",
  "standard-global": "qwen-standard-api-key",
  "coding-china": "qwen-api-key-cn",
  "coding-global": "qwen-api-key",
} as const satisfies Record<HostId, AuthChoice>;

/** The hosts of the matrix. */
export const CONFORMANCE_HOSTS: readonly ConformanceHost[] = (
  Object.entries(HOST_CHOICES) as [HostId, AuthChoice][]
).map(([id, authChoice]) => {
  const choice = authChoiceSpec(authChoice);
  return { id, label: choice.label, authChoice, plan: choice.plan, endpoint: choice.endpoint };
});
