import type { NativeHostMatch } from "@qwenkit/core";
import { matchNativeHost } from "@qwenkit/core/advanced";

/** What a request asks a host for. */
export type Operation = "chat-completions" | "models" | "unknown";

/** A request resolved to a Model Studio host of any family. */
export interface Route {
  /** The host, as `@qwenkit/core`'s `matchNativeHost` reads it (family, plan, region, workspace id). */
  readonly endpoint: NativeHostMatch;
  /** Path on the host, e.g. `/compatible-mode/v1/chat/completions`. */
  readonly path: string;
  readonly operation: Operation;
}

function operationOf(endpoint: NativeHostMatch, method: string, path: string): Operation {
  const base = endpoint.basePath;
  if (method === "POST" && path === `${base}/chat/completions`) return "chat-completions";
  if (method === "GET" && path === `${base}/models`) return "models";
  return "unknown";
}

/**
 * Resolves a request URL to a host: either the URL's own hostname is a Model Studio host (msw,
 * in-process), or the first path segment is, spelled exactly as the host (standalone:
 * `http://127.0.0.1:P/<hostname>/v1/…`, any workspace id). Both use core's host matching, so the
 * mock serves exactly the hosts qwenkit treats as native.
 */
export function resolveRoute(method: string, url: URL): Route | undefined {
  const direct = matchNativeHost(url.hostname);
  if (direct !== undefined) {
    return { endpoint: direct, path: url.pathname, operation: operationOf(direct, method, url.pathname) };
  }
  const slash = url.pathname.indexOf("/", 1);
  const first = url.pathname.slice(1, slash < 0 ? undefined : slash);
  const prefixed = matchNativeHost(first);
  if (prefixed === undefined || prefixed.host !== first) return undefined;
  const path = slash < 0 ? "/" : url.pathname.slice(slash);
  return { endpoint: prefixed, path, operation: operationOf(prefixed, method, path) };
}
