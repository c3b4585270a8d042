import { REQUEST_ID_HEADER } from "@qwenkit/core/wire";
import { FAULT_HEADER } from "../faults/header.js";
import { CONTROL_HEADERS } from "../output-controls.js";

/**
 * Request headers a page may send to the standalone server with `--cors`: what the openai SDK, the
 * AI SDK and LangChain send from a browser (`authorization`, `content-type`, the SDK's
 * `x-stainless-*` headers) and the mock's own control headers. A preflight may also ask for others:
 * those are allowed too, so no client is refused for a header this list does not know.
 */
export const CORS_ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept",
  FAULT_HEADER,
  ...Object.values(CONTROL_HEADERS),
  "x-stainless-arch",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-retry-count",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-timeout",
  "x-stainless-helper-method",
] as const;

/** Response headers a page may read: the request id and the retry hint clients act on. */
export const CORS_EXPOSED_HEADERS = [REQUEST_ID_HEADER, "retry-after"] as const;

const ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
/** How long a browser may cache a preflight answer, in seconds. */
const MAX_AGE_SECONDS = 600;

/**
 * The headers every response carries with CORS on. Any origin is allowed (`*`): the mock holds no
 * credentials and listens on loopback; keys travel in `authorization`, which CORS treats as an
 * ordinary request header, not as credentials.
 */
export const CORS_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": CORS_EXPOSED_HEADERS.join(", "),
};

/** Whether a request is a CORS preflight. */
export function isPreflight(method: string, headers: { get(name: string): string | null }): boolean {
  return method === "OPTIONS" && headers.get("access-control-request-method") !== null;
}

/** The `204` a preflight gets: the methods, the allowed headers and any others the preflight asked for. */
export function preflightHeaders(requested: string | null): Record<string, string> {
  const asked = (requested ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name));
  const allowed = [...new Set([...CORS_ALLOWED_HEADERS, ...asked])];
  return {
    ...CORS_RESPONSE_HEADERS,
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": allowed.join(", "),
    "access-control-max-age": String(MAX_AGE_SECONDS),
    vary: "access-control-request-headers",
  };
}
