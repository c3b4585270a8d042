import { maskApiKey, planFromKey } from "@qwenkit/core";

/** Request headers that carry a key: masked in every recording whatever their value looks like. */
export const KEY_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
]);

/** Query parameter names that carry a key (compared case-insensitively, `-` and `_` alike). */
const KEY_PARAMETER = /^(?:api[-_]?key|key|access[-_]?token|token|secret|auth|authorization)$/i;

/** Masks the key of an `Authorization`-style value (`Bearer sk-…a1b2`), keeping the scheme. */
export function maskAuthorization(value: string): string {
  const match = /^(\s*\S+\s+)(\S+)\s*$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) return maskApiKey(value);
  return `${match[1]}${maskApiKey(match[2])}`;
}

/** A header value as recorded: key headers masked with core's masking, others as sent. */
export function maskHeader(name: string, value: string): string {
  return KEY_HEADERS.has(name.toLowerCase()) ? maskAuthorization(value) : value;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text; // a malformed escape: judge the raw text
  }
}

/**
 * A URL as recorded: the value of every query parameter named like a key (`api_key`, `key`,
 * `access_token`, …) or holding one (`sk-…`, by core's prefix rule) masked with core's masking.
 * The masked value is written unencoded (`?api_key=sk-…a1b2`), for people to read.
 */
export function maskUrl(url: string): string {
  const query = url.indexOf("?");
  if (query < 0) return url;
  const hash = url.indexOf("#", query);
  const end = hash < 0 ? url.length : hash;
  const params = url
    .slice(query + 1, end)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0) return pair;
      const name = pair.slice(0, at);
      const value = decoded(pair.slice(at + 1));
      const keyLike = KEY_PARAMETER.test(decoded(name)) || planFromKey(value) !== undefined;
      return keyLike ? `${name}=${maskApiKey(value)}` : pair;
    });
  return `${url.slice(0, query + 1)}${params.join("&")}${url.slice(end)}`;
}
