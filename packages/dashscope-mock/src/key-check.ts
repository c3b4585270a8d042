import type { NativeHostMatch } from "@qwenkit/core";
import { isWorkspaceId, keyFitsPlan } from "@qwenkit/core/advanced";
import { isObject } from "./is-object.js";
import type { MockErrorName } from "./mock-errors.js";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The `workspaceKeys` option checked: lower-case workspace id → its keys. */
export type WorkspaceKeyBook = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Checks the `workspaceKeys` option: an object whose keys are workspace ids (one DNS label, any
 * case) and whose values are arrays of non-empty strings. Fails closed: anything else throws.
 *
 * @throws TypeError naming `where` and the offending workspace id (never a key).
 */
export function checkWorkspaceKeys(value: unknown, where: string): WorkspaceKeyBook | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    throw new TypeError(`${where}: workspaceKeys must be an object of workspace id → array of keys`);
  }
  const book = new Map<string, Set<string>>();
  for (const [id, keys] of Object.entries(value)) {
    const workspaceId = id.toLowerCase();
    if (!isWorkspaceId(workspaceId)) {
      throw new TypeError(
        `${where}: workspaceKeys: ${JSON.stringify(id)} is not a workspace id (one DNS label)`,
      );
    }
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === "string" && key.trim() !== "")) {
      throw new TypeError(`${where}: workspaceKeys.${id} must be an array of non-empty key strings`);
    }
    book.set(workspaceId, new Set([...(book.get(workspaceId) ?? []), ...keys.map((key) => key.trim())]));
  }
  return book;
}

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
  workspaceKeys?: WorkspaceKeyBook,
): MockErrorName | undefined {
  const key = BEARER.exec(authorization ?? "")?.[1];
  const fits =
    key !== undefined &&
    keyFitsPlan(key, endpoint.plan) &&
    (endpoint.workspaceId === undefined ||
      workspaceKeys === undefined ||
      workspaceKeys.get(endpoint.workspaceId)?.has(key) === true);
  if (fits) return undefined;
  return endpoint.plan === "coding" ? "invalid-access-token" : "invalid-api-key";
}
