import { type DashscopeMock, type DashscopeMockOptions, setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll } from "vitest";

/** The in-process DashScope mock for a test file: listening for the file, reset after each test. */
export function useDashscopeMock(options: DashscopeMockOptions = {}): DashscopeMock {
  const mock = setupDashscopeMock(options);
  beforeAll(async () => {
    await mock.listen();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());
  return mock;
}

/** A gateway's base URL: not a Model Studio host, so qwenkit treats it as plain OpenAI-compatible. */
export const GATEWAY_BASE_URL = "https://llm-gateway.example.com/qwen/v1";

/**
 * A `fetch` for {@link GATEWAY_BASE_URL} that forwards to the mock's Singapore host, as a gateway
 * in front of DashScope would: the mock records the body the gateway received.
 */
export const gatewayFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const target = url.replace(GATEWAY_BASE_URL, "https://dashscope-intl.aliyuncs.com/compatible-mode/v1");
  return fetch(target, init);
};

/** The body of the newest request the mock received. */
export function lastBody(mock: DashscopeMock): Record<string, unknown> {
  const body = mock.recorder.last()?.body;
  if (typeof body !== "object" || body === null) throw new Error("the mock received no JSON body");
  return body as Record<string, unknown>;
}
