import { setupServer } from "msw/node";
import type { MockFaultRule } from "./faults/rules.js";
import { handlersFor } from "./handlers.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";
import type { RequestRecorder } from "./recorder.js";

/** An msw server wired with the DashScope handlers, for test suites. */
export interface DashscopeMock {
  readonly recorder: RequestRecorder;
  /** Starts intercepting; requests no handler matches fail (`onUnhandledFrame: "error"`). */
  listen(): void;
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
  const server = setupServer(...handlersFor(handler));
  return {
    recorder: handler.recorder,
    listen: () => server.listen({ onUnhandledFrame: "error" }),
    close: () => server.close(),
    reset: () => handler.reset(),
    useFaults: (...rules) => handler.useFaults(...rules),
  };
}
