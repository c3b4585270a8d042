import { createRecorder, setupDashscopeMock } from "@qwenkit/dashscope-mock";

/**
 * Starts the DashScope mock as msw handlers in this process: `fetch` to the native hosts is
 * answered in-process. Nothing is recorded, so memory stays flat however many requests run.
 */
export async function startInProcessMock(): Promise<{ close(): void }> {
  const mock = setupDashscopeMock({ recorder: createRecorder({ limit: 0 }) });
  await mock.listen();
  return { close: () => mock.close() };
}
