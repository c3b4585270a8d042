import { matchNativeHost } from "@qwenkit/core/advanced";
import { type HttpHandler, http } from "msw/http";
import { createDashscopeMockHandler, type DashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";

/** An msw predicate: an https request to `{basePath}/{operation}` on any native Model Studio host. */
function onNativeHost(operation: "chat/completions" | "models") {
  return ({ request }: { readonly request: Request }): boolean => {
    const url = new URL(request.url);
    const host = matchNativeHost(url.hostname);
    return (
      url.protocol === "https:" && host !== undefined && url.pathname === `${host.basePath}/${operation}`
    );
  };
}

/** The msw handlers that route every native host (any family, region and workspace id) to `mock`. */
export function handlersFor(mock: DashscopeMockHandler): HttpHandler[] {
  return [
    http.post(onNativeHost("chat/completions"), ({ request }) => mock.handle(request)),
    http.get(onNativeHost("models"), ({ request }) => mock.handle(request)),
  ];
}

/**
 * msw request handlers for every native Model Studio host: `POST {base}/chat/completions` and
 * `GET {base}/models` on the shared DashScope domains, every workspace-dedicated and trial domain,
 * and the Coding Plan and Token Plan hosts. Hosts are matched by `@qwenkit/core`'s `matchNativeHost`,
 * so lookalikes fall through to msw's unhandled-request handling.
 *
 * @example
 * import { setupServer } from "msw/node";
 * import { createRecorder, dashscopeHandlers } from "@qwenkit/dashscope-mock";
 *
 * const recorder = createRecorder();
 * const server = setupServer(...dashscopeHandlers({ recorder }));
 * server.listen({ onUnhandledFrame: "error" });
 */
export function dashscopeHandlers(options: DashscopeMockOptions = {}): HttpHandler[] {
  return handlersFor(createDashscopeMockHandler(options));
}
