import { http } from "msw/http";
import { setupServer } from "msw/node";
import type { MockFaultRule } from "./faults/rules.js";
import { handlersFor } from "./handlers.js";
import { PROBE_URL, probeInterception } from "./interception-probe.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";
import type { RequestRecorder } from "./recorder.js";

/** An msw server wired with the DashScope handlers, for test suites. */
export interface DashscopeMock {
  readonly recorder: RequestRecorder;
  /**
   * Starts intercepting, then proves it: a probe request must come back answered by the mock, or
   * `listen()` stops and rejects with a `MockInterceptionError` naming the runtime (Bun and Deno,
   * where msw does not intercept, get the standalone server as the way out). Requests no handler
   * matches fail (`onUnhandledFrame: "error"`): nothing passes through to the network.
   * Await it (`beforeAll(() => mock.listen())`) before the first request.
   */
  listen(): Promise<void>;
  /** Stops intercepting and cancels pending fault delays; a no-op when not listening (again, or after a failed `listen()`). */
  close(): void;
  /** Clears the recorder and the faults added with `useFaults`; restarts rule use counts and id sequences. */
  reset(): void;
  /** Adds fault rules for the following requests, checked before earlier ones. */
  useFaults(...rules: MockFaultRule[]): void;
}

/**
 * An msw `setupServer` with the DashScope handlers, for vitest (or any test runner).
 *
 * @example
 * const mock = setupDashscopeMock();
 * beforeAll(() => mock.listen());
 * afterEach(() => mock.reset());
 * afterAll(() => mock.close());
 */
export function setupDashscopeMock(options: DashscopeMockOptions = {}): DashscopeMock {
  const handler = createDashscopeMockHandler(options);
  // A fresh token per mock: only this mock's handler can answer the probe.
  const token = crypto.randomUUID();
  const probe = http.get(PROBE_URL, () => new Response(token));
  const server = setupServer(probe, ...handlersFor(handler));
  // msw throws when a server that is not listening is closed; a teardown after a failed
  // listen() (or a second one) must not add that to the error the test already has.
  let listening = false;
  const close = () => {
    if (listening) server.close();
    listening = false;
    handler.close();
  };
  return {
    recorder: handler.recorder,
    async listen() {
      server.listen({ onUnhandledFrame: "error" });
      listening = true;
      try {
        await probeInterception(token);
      } catch (error) {
        close();
        throw error;
      }
    },
    close,
    reset: () => handler.reset(),
    useFaults: (...rules) => handler.useFaults(...rules),
  };
}
