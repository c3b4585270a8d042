/**
 * Where `listen()` sends its probe: loopback port 0, which no socket can serve, so a probe that is
 * not intercepted fails on the machine itself (no DNS lookup, no packet on any network).
 */
export const PROBE_URL = "http://127.0.0.1:0/__qwenkit-dashscope-mock-probe";

/** Longest wait for the probe's answer. */
const PROBE_TIMEOUT_MS = 5_000;

/** The runtime this code runs on, for messages: `Bun 1.2.0`, `Deno 2.1.0`, `Node.js 22.12.0`. */
export function runtimeName(scope: object = globalThis): string {
  const runtime = scope as {
    readonly Bun?: { readonly version?: string };
    readonly Deno?: { readonly version?: { readonly deno?: string } };
    readonly process?: { readonly versions?: { readonly node?: string } };
  };
  if (runtime.Bun !== undefined) return `Bun ${runtime.Bun.version ?? ""}`.trim();
  if (runtime.Deno !== undefined) return `Deno ${runtime.Deno.version?.deno ?? ""}`.trim();
  const node = runtime.process?.versions?.node;
  return node === undefined ? "this JavaScript runtime" : `Node.js ${node}`;
}

/** msw did not intercept: requests meant for the mock could reach the real hosts. */
export class MockInterceptionError extends Error {
  override readonly name = "MockInterceptionError";
  constructor(
    readonly runtime: string,
    options?: ErrorOptions,
  ) {
    super(
      `dashscope-mock: setupDashscopeMock().listen() sent a probe request and msw did not intercept it on ${runtime}, ` +
        "so requests meant for the mock could reach the real DashScope hosts; the mock stopped listening. " +
        "In-process interception works on Node.js only. Elsewhere (Bun, Deno, browsers, workers) start the " +
        "standalone server instead: startDashscopeMockServer() from @qwenkit/dashscope-mock/server (or the " +
        "dashscope-mock bin, with --cors for pages) and point the client at server.baseUrlFor(host); or pass " +
        "createDashscopeMockHandler().fetch as the client's fetch.",
      options,
    );
  }
}

/**
 * Proves that requests are intercepted: fetches {@link PROBE_URL}, which the mock's own handler
 * answers with `token`. Anything else (no answer, a network error, another body) throws.
 * @throws {@link MockInterceptionError} naming the runtime.
 */
export async function probeInterception(
  token: string,
  fetchImpl: typeof fetch = globalThis.fetch,
  scope: object = globalThis,
): Promise<void> {
  let answer: string | undefined;
  let cause: unknown;
  try {
    const response = await fetchImpl(PROBE_URL, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    answer = await response.text();
  } catch (error) {
    cause = error;
  }
  if (answer !== token) {
    throw new MockInterceptionError(runtimeName(scope), cause === undefined ? undefined : { cause });
  }
}
