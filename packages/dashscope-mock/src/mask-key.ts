import { maskApiKey } from "@qwenkit/core";

/** Masks the key of an `Authorization` header value (`Bearer sk-…a1b2`), keeping the scheme. */
export function maskAuthorization(value: string): string {
  const match = /^(\s*\S+\s+)(\S+)\s*$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) return maskApiKey(value);
  return `${match[1]}${maskApiKey(match[2])}`;
}
