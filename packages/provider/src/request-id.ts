const CHUNK_ID_PREFIX = "chatcmpl-";

/**
 * The request id DashScope embeds in a body or chunk id (`chatcmpl-<uuid>` carries the same
 * UUID as the `x-request-id` header). Returns `undefined` for ids of any other shape.
 */
export function requestIdFromCompletionId(id: string | null | undefined): string | undefined {
  if (typeof id !== "string" || !id.startsWith(CHUNK_ID_PREFIX)) return undefined;
  const rest = id.slice(CHUNK_ID_PREFIX.length);
  return rest.length > 0 ? rest : undefined;
}
