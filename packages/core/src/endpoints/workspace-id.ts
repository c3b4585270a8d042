// One DNS label: letters, digits and inner hyphens, at most 63 characters.
const DNS_LABEL = /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/;

/**
 * Whether `value` can be a workspace id: exactly one DNS label in lower case (`llm-abc123`), so a
 * workspace domain `{workspaceId}.{regionId}.maas.aliyuncs.com` has exactly five labels.
 */
export function isWorkspaceId(value: unknown): value is string {
  return typeof value === "string" && DNS_LABEL.test(value);
}

/** The pattern of {@link isWorkspaceId} without anchors, for building host patterns. */
export const WORKSPACE_ID_PATTERN = DNS_LABEL.source.slice(1, -1);
