import { keyFitsPlan, type NativeHostMatch } from "@qwenkit/core";
import type { MockErrorName } from "./mock-errors.js";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Keys bound to workspaces: workspace id → the keys of that workspace. */
export type WorkspaceKeys = Readonly<Record<string, readonly string[]>>;

/**
 * The 401 a host answers for an `Authorization` header, or `undefined` when the key is accepted.
 * The key must fit the host's plan (`keyFitsPlan` of `@qwenkit/core`: the one prefix rule). On a
 * workspace-dedicated domain, when `workspaceKeys` is given, only keys bound to that workspace
 * work there (fail closed: a key bound to no workspace is refused too); without it any key of the
 * plan works. Coding Plan hosts answer `invalid access token`, every other host `invalid_api_key`.
 */
export function keyRejection(
  endpoint: NativeHostMatch,
  authorization: string | null,
  workspaceKeys?: WorkspaceKeys,
): MockErrorName | undefined {
  const key = BEARER.exec(authorization ?? "")?.[1];
  const fits =
    key !== undefined &&
    keyFitsPlan(key, endpoint.plan) &&
    (endpoint.workspaceId === undefined ||
      workspaceKeys === undefined ||
      (Object.hasOwn(workspaceKeys, endpoint.workspaceId) &&
        (workspaceKeys[endpoint.workspaceId] ?? []).includes(key)));
  if (fits) return undefined;
  return endpoint.plan === "coding" ? "invalid-access-token" : "invalid-api-key";
}
