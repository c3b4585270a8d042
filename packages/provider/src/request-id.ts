import { COMPLETION_ID_PREFIX } from "@qwenkit/core/wire";

/**
 * The request id DashScope embeds in a body or chunk id (`chatcmpl-<uuid>` carries the same
 * UUID as the `x-request-id` header). Returns `undefined` for ids of any other shape.
 */
export function requestIdFromCompletionId(id: string | null | undefined): string | undefined {
  if (typeof id !== "string" || !id.startsWith(COMPLETION_ID_PREFIX)) return undefined;
  const rest = id.slice(COMPLETION_ID_PREFIX.length);
  return rest.length > 0 ? rest : undefined;
}
