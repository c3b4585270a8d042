import { ENDPOINTS } from "@qwenkit/core";
import { type HttpHandler, http } from "msw";
import { createDashscopeMockHandler, type DashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";

/** The msw handlers that route every native host (`ENDPOINTS` of `@qwenkit/core`) to `mock`. */
export function handlersFor(mock: DashscopeMockHandler): HttpHandler[] {
  return ENDPOINTS.flatMap((endpoint) => [
    http.post(`${endpoint.baseUrl}/chat/completions`, ({ request }) => mock.handle(request)),
    http.get(`${endpoint.baseUrl}/models`, ({ request }) => mock.handle(request)),
  ]);
}

/**
 * msw request handlers for every native DashScope host: `POST {base}/chat/completions` and
 * `GET {base}/models` on the four primary hosts and the US and Hong Kong Standard hosts.
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
