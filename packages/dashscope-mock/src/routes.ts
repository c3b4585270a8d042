import { ENDPOINTS, type Endpoint, type NativeHost } from "@qwenkit/core";

/** What a request asks a host for. */
export type Operation = "chat-completions" | "models" | "unknown";

/** A request resolved to a DashScope host. */
export interface Route {
  readonly endpoint: Endpoint & { readonly host: NativeHost };
  /** Path on the host, e.g. `/compatible-mode/v1/chat/completions`. */
  readonly path: string;
  readonly operation: Operation;
}

/** The path of an endpoint's base URL (`/compatible-mode/v1` or `/v1`). */
export function basePath(endpoint: Endpoint): string {
  return endpoint.baseUrl.slice(`https://${endpoint.host}`.length);
}

function operationOf(endpoint: Endpoint, method: string, path: string): Operation {
  const base = basePath(endpoint);
  if (method === "POST" && path === `${base}/chat/completions`) return "chat-completions";
  if (method === "GET" && path === `${base}/models`) return "models";
  return "unknown";
}

const endpointByHost = (hostname: string) => ENDPOINTS.find((endpoint) => endpoint.host === hostname);

/**
 * Resolves a request URL to a host: either the URL's own hostname is a DashScope host (msw,
 * in-process), or the first path segment is (standalone: `http://127.0.0.1:P/<hostname>/v1/…`).
 */
export function resolveRoute(method: string, url: URL): Route | undefined {
  const direct = endpointByHost(url.hostname);
  if (direct !== undefined) {
    return { endpoint: direct, path: url.pathname, operation: operationOf(direct, method, url.pathname) };
  }
  const slash = url.pathname.indexOf("/", 1);
  const first = url.pathname.slice(1, slash < 0 ? undefined : slash);
  const prefixed = endpointByHost(first);
  if (prefixed === undefined) return undefined;
  const path = slash < 0 ? "/" : url.pathname.slice(slash);
  return { endpoint: prefixed, path, operation: operationOf(prefixed, method, path) };
}
