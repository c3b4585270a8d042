// One test per runtime: the built provider, loaded the way that runtime loads it, streams a
// completion with usage from the standalone mock on 127.0.0.1 and gets a typed 401 — and sees
// exactly what Node sees in-process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DashscopeMockServer, startDashscopeMockServer } from "@qwenkit/dashscope-mock/server";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { type BundleId, buildBundles, bundlePath } from "./harness/bundles.ts";
import { RUNTIMES, type RuntimeId, type RuntimeRun, type RuntimeSpec } from "./harness/runtimes.ts";
import { runSmoke, type SmokeReport } from "./scenario.ts";
import { TYPED_401 } from "./typed-401.ts";

/** Per runtime: a cold start of the slowest (Chromium) takes a few seconds on a loaded CI machine. */
const RUN_TIMEOUT_MS = 60_000;

let mock: DashscopeMockServer;
let mockBaseUrl: string;
let reference: SmokeReport;
let workRoot: string;
let bundleErrors: Awaited<ReturnType<typeof buildBundles>>;

/** A report as it crosses a process boundary (JSON), so both sides compare alike. */
const asSent = (report: SmokeReport): SmokeReport => JSON.parse(JSON.stringify(report)) as SmokeReport;

const chatRequests = () =>
  mock.recorder.requests.filter(
    (request) => request.method === "POST" && request.path.endsWith("/chat/completions"),
  );

function whyNoReport(run: RuntimeRun): string {
  const { child } = run;
  return [
    run.failure === undefined ? "no report" : `the page failed: ${run.failure}`,
    `exit code ${String(child.exitCode)}, signal ${String(child.signal)}, ${child.timedOut ? "timed out, " : ""}${child.durationMs} ms`,
    `stdout: ${child.stdout.slice(-2000)}`,
    `stderr: ${child.stderr.slice(-4000)}`,
  ].join("\n");
}

beforeAll(async () => {
  bundleErrors = await buildBundles();
  // CORS on: the browser page is served from another port, so its calls are cross-origin.
  mock = await startDashscopeMockServer({ host: "127.0.0.1", cors: true });
  mockBaseUrl = mock.baseUrlFor("dashscope-intl.aliyuncs.com");
  reference = asSent(await runSmoke({ baseUrl: mockBaseUrl }));
  workRoot = mkdtempSync(join(tmpdir(), "qwenkit-smoke-"));
}, 60_000);

afterAll(async () => {
  await mock?.close();
  if (workRoot !== undefined) rmSync(workRoot, { recursive: true, force: true });
});

describe("the reference run (Node, in-process, from source)", () => {
  it("streams text with usage, and a refused key is a typed 401", () => {
    const { stream, unauthorized } = reference;
    expect(stream.text).not.toBe("");
    expect(stream.deltas).toBe(stream.text);
    expect(stream.finishReason).toBe("stop");
    expect(stream.events.usage).toBe(1);
    expect(stream.usage?.totalTokens).toBeGreaterThan(0);
    expect(stream.usageEvent).toEqual(stream.usage);
    expect(unauthorized).toEqual(TYPED_401);
  });
});

/** The runtime's executable, or `undefined` after failing (CI) or skipping (elsewhere) the test. */
function binaryOrSkip(spec: RuntimeSpec, context: TestContext): string | undefined {
  const binary = spec.binary();
  if (binary !== undefined) return binary;
  // CI must run every runtime; elsewhere a missing one (another OS, no Chromium) is skipped, visibly.
  if (process.env.CI !== undefined) expect.fail(`${spec.label} is not installed: ${spec.install}`);
  context.skip(`${spec.label} is not installed: ${spec.install}`);
  return undefined;
}

const runIn = (spec: RuntimeSpec, id: RuntimeId, binary: string, bundle: BundleId, loadsMsw = false) => {
  expect(bundleErrors[bundle], `the ${bundle} bundle did not build`).toBeUndefined();
  return spec.run(binary, {
    mockBaseUrl,
    bundleFile: bundlePath(bundle),
    loadsMsw,
    workDir: mkdtempSync(join(workRoot, `${id}-`)),
    timeoutMs: RUN_TIMEOUT_MS,
  });
};

describe.each(Object.keys(RUNTIMES) as RuntimeId[])("%s", (id) => {
  const spec = RUNTIMES[id];

  it(
    `${spec.label}: streams with usage and gets a typed 401, as Node does in-process`,
    async (context) => {
      const binary = binaryOrSkip(spec, context);
      if (binary === undefined) return;
      const before = chatRequests().length;
      const run = await runIn(spec, id, binary, spec.bundle);
      expect(run.report, whyNoReport(run)).toBeDefined();
      const report = run.report as SmokeReport;
      expect(report.runtime).toMatch(spec.identity);
      expect(report.stream).toEqual(reference.stream);
      expect(report.unauthorized).toEqual(reference.unauthorized);
      expect(run.child.timedOut).toBe(false);
      // Both calls reached this mock, and the stream asked for usage.
      const sent = chatRequests().slice(before);
      expect(sent).toHaveLength(2);
      for (const request of sent)
        expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    },
    RUN_TIMEOUT_MS + 10_000,
  );

  const inProcessMock = spec.inProcessMock;
  if (inProcessMock !== undefined) {
    it(
      `${spec.label}: the in-process mock's listen() ${inProcessMock === "intercepts" ? "intercepts" : "fails closed, naming the runtime"}`,
      async (context) => {
        const binary = binaryOrSkip(spec, context);
        if (binary === undefined) return;
        const run = await runIn(spec, id, binary, "in-process-mock", true);
        expect(run.report, whyNoReport(run)).toBeDefined();
        expect(run.child.timedOut).toBe(false);
        expect(run.report).toEqual(
          inProcessMock === "intercepts"
            ? { listen: "intercepts" }
            : {
                listen: "fails-closed",
                name: "MockInterceptionError",
                message: expect.stringContaining(`on ${spec.label} `),
              },
        );
      },
      RUN_TIMEOUT_MS + 10_000,
    );
  }
});
