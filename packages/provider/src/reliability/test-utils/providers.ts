import {
  type DashscopeMockServer,
  type DashscopeMockServerOptions,
  startDashscopeMockServer,
} from "@qwenkit/dashscope-mock";
import type { QwenProviderOptions } from "../../options.js";
import { createQwenProvider, type QwenProvider } from "../../provider.js";
import { KEYS } from "../../test-utils/hosts.js";

const FAST_RETRIES = { initialDelayMs: 1, maxDelayMs: 5 };

/** Runs `body` against a fresh standalone mock on 127.0.0.1 (real sockets), closed afterwards. */
export async function withMockServer<T>(
  options: DashscopeMockServerOptions,
  body: (server: DashscopeMockServer) => Promise<T>,
): Promise<T> {
  const server = await startDashscopeMockServer({ ...options, host: "127.0.0.1", port: 0 });
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

/**
 * A provider for the mock's Standard Global host on 127.0.0.1, shaped as a native host
 * (so streams ask for usage), with millisecond retry delays.
 */
export function loopbackProvider(
  server: DashscopeMockServer,
  options: QwenProviderOptions = {},
): QwenProvider {
  return createQwenProvider({
    baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
    apiKey: KEYS.standard,
    env: {},
    shapeRequests: "always",
    retryDelays: FAST_RETRIES,
    ...options,
  });
}

/** A Standard Global provider whose HTTP responses come from `fetch` (no network), with millisecond retry delays. */
export function craftedProvider(
  fetch: NonNullable<QwenProviderOptions["fetch"]>,
  options: QwenProviderOptions = {},
): QwenProvider {
  return createQwenProvider({
    apiKey: KEYS.standard,
    authChoice: "qwen-standard-api-key",
    env: {},
    fetch,
    retryDelays: FAST_RETRIES,
    ...options,
  });
}
