import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mockBaseUrl, type NativeEndpoint } from "@qwenkit/core";
import {
  createDashscopeMockHandler,
  type DashscopeMockHandler,
  type MockHttpRequest,
} from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";
import type { RequestRecorder } from "./recorder.js";

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
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Options of {@link startDashscopeMockServer}. */
export interface DashscopeMockServerOptions extends DashscopeMockOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  readonly port?: number;
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string;
}

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function toMockRequest(request: IncomingMessage, origin: string): MockHttpRequest {
  const target = request.url ?? "/";
  return {
    method: request.method ?? "GET",
    url: target.startsWith("/") ? `${origin}${target}` : target,
    headers: {
      get: (name) => headerValue(request.headers[name.toLowerCase()]),
      forEach(callback) {
        for (const [name, value] of Object.entries(request.headers)) {
          const text = headerValue(value);
          if (text !== null) callback(text, name);
        }
      },
    },
    text: () => readBody(request),
  };
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

/** Writes a WHATWG response to Node's response as it is produced, without buffering the body. */
async function send(
  mockResponse: Response,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (mockResponse.type === "error") {
    request.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  mockResponse.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(mockResponse.status, headers);
  const body = mockResponse.body;
  if (body === null) {
    response.end();
    return;
  }
  const reader = body.getReader();
  response.on("close", () => {
    if (!response.writableFinished) reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return;
      if (!response.write(value)) await drained(response);
    }
    response.end();
  } catch {
    // A dropped-connection fault: cut the socket so the chunked body never terminates.
    response.destroy();
  }
}

async function serve(
  mock: DashscopeMockHandler,
  origin: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  try {
    await send(await mock.handle(toMockRequest(request, origin)), request, response);
  } catch (error) {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const message = `dashscope-mock: internal failure: ${error instanceof Error ? error.message : String(error)}`;
    response.writeHead(500, { "content-type": "application/json" });
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
  const { port = 0, host = "127.0.0.1", ...mockOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(
      `startDashscopeMockServer: port must be a whole number from 0 to 65535, got ${String(port)}`,
    );
  }
  const mock = createDashscopeMockHandler(mockOptions);
  let origin = "";
  const server = createServer((request, response) => {
    void serve(mock, origin, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    baseUrlFor: (hostOrEndpoint) => mockBaseUrl(origin, hostOrEndpoint),
    recorder: mock.recorder,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
