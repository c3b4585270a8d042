import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { NativeEndpoint } from "@qwenkit/core";
import { mockBaseUrl } from "@qwenkit/core/advanced";
import { createDashscopeMockHandler, type DashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";
import type { RequestRecorder } from "./recorder.js";
import { checkBodyLimit } from "./request-body.js";
import { controlFaults, FAULT_CONTROL_PATH } from "./server/control.js";
import { CORS_RESPONSE_HEADERS, isPreflight, preflightHeaders } from "./server/cors.js";
import { toMockRequest } from "./server/node-request.js";
import { send } from "./server/send.js";

/** A running standalone mock: each host under a path prefix named by its hostname. */
export interface DashscopeMockServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /**
   * The base URL of a Model Studio host on this server, e.g.
   * `http://127.0.0.1:PORT/coding-intl.dashscope.aliyuncs.com/v1`: give a hostname of any family
   * (`llm-abc.ap-southeast-1.maas.aliyuncs.com`), a native base URL, or an endpoint from core's
   * `endpointFor`. On a loopback address qwenkit resolves that URL as the host itself.
   *
   * @throws `QwenConfigError` (from `@qwenkit/core`'s `mockBaseUrl`) when it is not a native host.
   */
  baseUrlFor(hostOrEndpoint: string | NativeEndpoint): string;
  readonly recorder: RequestRecorder;
  /** Stops listening, closes open connections and cancels pending fault delays. */
  close(): Promise<void>;
}

/** Options of {@link startDashscopeMockServer}. */
export interface DashscopeMockServerOptions extends DashscopeMockOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  readonly port?: number;
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /**
   * Opt-in CORS for browser tests: preflights get `204` with the allowed methods and headers, and
   * every response allows any origin and exposes `x-request-id` and `retry-after`.
   */
  readonly cors?: boolean;
}

interface ServeSettings {
  readonly origin: string;
  readonly cors: boolean;
  readonly bodyLimit: number;
}

const pathOf = (target: string | undefined): string => {
  const path = (target ?? "/").replace(/^[a-z]+:\/\/[^/]*/i, "");
  const query = path.search(/[?#]/);
  return query < 0 ? path : path.slice(0, query);
};

async function serve(
  mock: DashscopeMockHandler,
  settings: ServeSettings,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const extraHeaders = settings.cors ? CORS_RESPONSE_HEADERS : {};
  try {
    const mockRequest = toMockRequest(request, settings.origin, settings.bodyLimit);
    const method = mockRequest.method.toUpperCase();
    if (settings.cors && isPreflight(method, mockRequest.headers)) {
      response.writeHead(204, preflightHeaders(mockRequest.headers.get("access-control-request-headers")));
      response.end();
      return;
    }
    const answer =
      pathOf(request.url) === FAULT_CONTROL_PATH
        ? await controlFaults(method, () => mockRequest.text(), mock)
        : await mock.handle(mockRequest);
    await send(answer, request, response, extraHeaders);
  } catch (error) {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const message = `dashscope-mock: internal failure: ${error instanceof Error ? error.message : String(error)}`;
    response.writeHead(500, { ...extraHeaders, "content-type": "application/json" });
    response.end(
      JSON.stringify({ error: { message, type: "mock_error", param: null, code: "mock_internal" } }),
    );
  }
}

/**
 * Starts the mock as an HTTP server (node:http) on 127.0.0.1. Each Model Studio host (any family,
 * any workspace id) is served under a path prefix named by its hostname, so one server stands in
 * for all of them:
 * `http://127.0.0.1:PORT/dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions`.
 * Faults and size controls come from the `x-mock-*` request headers (and from `options.faults`).
 *
 * @example
 * const server = await startDashscopeMockServer();
 * const client = new OpenAI({ apiKey: "sk-test-0000", baseURL: server.baseUrlFor("dashscope-intl.aliyuncs.com") });
 * // …
 * await server.close();
 */
export async function startDashscopeMockServer(
  options: DashscopeMockServerOptions = {},
): Promise<DashscopeMockServer> {
  const { port = 0, host = "127.0.0.1", cors = false, ...mockOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(
      `startDashscopeMockServer: port must be a whole number from 0 to 65535, got ${String(port)}`,
    );
  }
  const mock = createDashscopeMockHandler(mockOptions);
  const bodyLimit = checkBodyLimit(mockOptions.maxRequestBodyBytes, "startDashscopeMockServer");
  let settings: ServeSettings = { origin: "", cors, bodyLimit };
  const server = createServer((request, response) => {
    void serve(mock, settings, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  settings = { ...settings, origin };
  return {
    url: origin,
    baseUrlFor: (hostOrEndpoint) => mockBaseUrl(origin, hostOrEndpoint),
    recorder: mock.recorder,
    close: () =>
      new Promise<void>((resolve, reject) => {
        mock.close();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
