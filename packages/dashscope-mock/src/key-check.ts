import type { Plan } from "@qwenkit/core";
import type { MockErrorName } from "./mock-errors.js";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Whether a key belongs to the plan: Coding Plan keys start with `sk-sp-`, Standard keys with `sk-` (not `sk-sp-`). */
export function keyFitsPlan(key: string, plan: Plan): boolean {
  if (plan === "coding") return key.startsWith("sk-sp-") && key.length > "sk-sp-".length;
  return key.startsWith("sk-") && !key.startsWith("sk-sp-") && key.length > "sk-".length;
}

/**
 * The 401 a host answers for an `Authorization` header, or `undefined` when the key is accepted.
 * A missing header, another scheme, or a key of the other plan gets the host kind's 401.
 */
export function keyRejection(plan: Plan, authorization: string | null): MockErrorName | undefined {
  const key = BEARER.exec(authorization ?? "")?.[1];
  if (key !== undefined && keyFitsPlan(key, plan)) return undefined;
  return plan === "coding" ? "invalid-access-token" : "invalid-api-key";
}
