/**
 * The masked form of an API key, as recorded requests show it: the plan prefix (`sk-sp-` or `sk-`),
 * an ellipsis and the last four characters (`sk-…a1b2`). Keys too short to keep four characters
 * hidden show only the ellipsis (`…`). Mirrors `maskApiKey` of `@qwenkit/core`, kept private here so the
 * mock does not depend on code that is still being written.
 */
export function maskApiKey(key: string): string {
  const prefix = key.startsWith("sk-sp-") ? "sk-sp-" : key.startsWith("sk-") ? "sk-" : "";
  if (key.length < prefix.length + 8) return "…";
  return `${prefix}…${key.slice(-4)}`;
}

/** Masks the key of an `Authorization` header value (`Bearer sk-…a1b2`). */
export function maskAuthorization(value: string): string {
  const match = /^(\s*\S+\s+)(\S+)\s*$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) return maskApiKey(value.trim());
  return `${match[1]}${maskApiKey(match[2])}`;
}
