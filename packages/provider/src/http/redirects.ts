import { LIMITS } from "../limits.js";
import { RedirectRefused } from "../transport-failures.js";

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The redirects that repeat the request as it was sent (method and body); 301–303 would turn the POST into a GET. */
const PRESERVING = new Set([307, 308]);

const urlOf = (input: string | URL | Request): string =>
  typeof input === "string" ? input : input instanceof URL ? input.href : input.url;

const noop = () => undefined;

/**
 * Whether this runtime is Node.js, whose `fetch` (undici) copies every request whose redirect
 * mode is not `"error"`, teeing its body stream, before it sends it: about a seventh of the CPU a
 * short streamed request takes there. Elsewhere `"manual"` costs nothing extra, and `"error"` is
 * not everywhere (workerd refuses it).
 */
export function copiesRequestsForRedirects(): boolean {
  return globalThis.navigator?.userAgent?.startsWith("Node.js/") === true;
}

/**
 * The rejection of a `redirect: "error"` fetch that met a redirect: undici's (`cause` an `Error`)
 * and msw's (`cause` the string), both `TypeError`s whose cause says `unexpected redirect`.
 */
function isUnexpectedRedirect(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  const { cause } = error as { cause?: unknown };
  const said = cause instanceof Error ? cause.message : cause;
  return said === "unexpected redirect";
}

/**
 * {@link fetchWithoutForeignRedirects} over `fetch()` (looked up per call), for one client. With
 * `errorModeFirst` (Node's own `fetch`, see {@link copiesRequestsForRedirects}) each request is
 * first sent with `redirect: "error"` and `window: null`, which Node's `fetch` sends without a
 * copy; the first time the endpoint answers with a redirect, that request is sent again with
 * `redirect: "manual"` so the redirect can be judged (the first answer said nothing the rules
 * could use), and every later request goes the `"manual"` way at once.
 */
export function redirectGuard(fetch: () => Fetch, errorModeFirst: boolean): Fetch {
  let errorMode = errorModeFirst;
  return async (input, init) => {
    if (errorMode) {
      try {
        return await fetch()(input, { ...init, redirect: "error", window: null });
      } catch (error) {
        if (!isUnexpectedRedirect(error)) throw error;
        errorMode = false;
        // The body went with the first request; a stream cannot be sent again to see the redirect.
        if (init?.body instanceof ReadableStream || (input instanceof Request && input.body !== null))
          throw new RedirectRefused(undefined, undefined, "unsendable-body");
      }
    }
    return fetchWithoutForeignRedirects(fetch(), input, init);
  };
}

/**
 * Sends the request with `redirect: "manual"` and decides about redirects itself: a 307 or 308
 * to the same origin (scheme, host and port) is followed, at most {@link LIMITS.redirects} times,
 * re-sending the same request; any other redirect fails with {@link RedirectRefused}, naming the
 * origin it pointed to (never the key, never the path). Redirects off the origin are refused
 * because the request would carry the prompt (and, with a custom fetch, maybe the key) elsewhere,
 * over plain http after an https→http redirect, and another origin's answer would count as the
 * completion. A `fetch` that follows redirects itself anyway is caught by the final URL's origin.
 */
async function fetchWithoutForeignRedirects(
  fetch: Fetch,
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<Response> {
  const manual = { ...init, redirect: "manual" as const };
  let response = await fetch(input, manual);
  // Parsed only when an answer has to be checked against it: most answers are not redirects.
  let parsedOrigin: string | undefined;
  const originOf = () => (parsedOrigin ??= new URL(urlOf(input)).origin);
  for (let hops = 0; ; hops += 1) {
    if (response.type === "opaqueredirect") throw refuse(response, undefined, "no-location");
    if (!REDIRECTS.has(response.status)) break;
    const target = locationOf(response, response.url || urlOf(input));
    if (target === undefined) throw refuse(response, undefined, "no-location");
    if (target.origin !== originOf()) throw refuse(response, target.origin, "other-origin");
    if (!PRESERVING.has(response.status)) throw refuse(response, target.origin, "method-change");
    if (hops >= LIMITS.redirects) throw refuse(response, target.origin, "too-many");
    if (init?.body instanceof ReadableStream) throw refuse(response, target.origin, "unsendable-body");
    response.body?.cancel().catch(noop);
    response = await fetch(target.href, manual);
  }
  // A custom fetch that followed a redirect itself says so (`redirected`); one that routes the
  // request elsewhere on purpose (a proxy, a test double) answers from its own URL and is trusted.
  const finalUrl = response.redirected && response.url !== "" ? safeUrl(response.url) : undefined;
  if (finalUrl !== undefined && finalUrl.origin !== originOf())
    throw refuse(response, finalUrl.origin, "other-origin");
  return response;
}

function refuse(
  response: Response,
  target: string | undefined,
  reason: RedirectRefused["reason"],
): RedirectRefused {
  response.body?.cancel().catch(noop);
  return new RedirectRefused(response.status === 0 ? undefined : response.status, target, reason);
}

function locationOf(response: Response, base: string): URL | undefined {
  const location = response.headers.get("location");
  return location === null ? undefined : safeUrl(location, base);
}

function safeUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
