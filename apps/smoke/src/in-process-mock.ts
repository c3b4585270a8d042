// Whether the in-process mock (msw) can intercept on this runtime. On Node it does; where it
// cannot (Bun, Deno), listen() must fail closed instead of letting requests reach the network.
import { setupDashscopeMock } from "@qwenkit/dashscope-mock";

/** What `setupDashscopeMock().listen()` did. */
export type InProcessMockReport =
  | { readonly listen: "intercepts" }
  | { readonly listen: "fails-closed"; readonly name: string; readonly message: string };

export async function probeInProcessMock(): Promise<InProcessMockReport> {
  const mock = setupDashscopeMock();
  try {
    await mock.listen();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { listen: "fails-closed", name: failure.name, message: failure.message };
  }
  mock.close();
  return { listen: "intercepts" };
}
