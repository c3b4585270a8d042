import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect, promisify } from "node:util";
import { maskApiKey } from "@qwenkit/core";
import { PLANS } from "@qwenkit/core/advanced";
import { type MockFaultRule, setupDashscopeMock, startDashscopeMockServer } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { FEATURES } from "./features/index.js";
import { CONFORMANCE_HOSTS, MOCK_WORKSPACE_ID } from "./hosts.js";
import { formatJson } from "./report/json.js";
import { formatJunit } from "./report/junit.js";
import { formatTable } from "./report/table.js";
import type { CellResult } from "./result.js";
import { type ConformanceRun, runConformance } from "./suite.js";
import { LIVE_OPT_IN, LIVE_WORKSPACE_VARIABLES, liveKeyVariable } from "./targets.js";

// Canaries of the right shape per plan and region: if one shows up anywhere, a key leaked.
const CANARIES = Object.fromEntries(
  CONFORMANCE_HOSTS.map((host) => {
    const name = liveKeyVariable(host.plan, host.endpoint.region);
    const prefix = PLANS[host.plan].keyKind === "standard" ? "sk-" : "sk-sp-";
    const tag = name.replace(/^QWEN_CONFORMANCE_KEY_/, "").replaceAll("_", "0");
    return [name, `${prefix}LeakCanary0${tag}${"0".repeat(Math.max(0, 24 - tag.length))}a1b2`];
  }),
);
const GENERIC = "sk-LeakCanary0generic0QWEN0API0KEY09c0d";
const ALL = [...Object.values(CANARIES), GENERIC];

const liveEnv = {
  [LIVE_OPT_IN]: "1",
  QWEN_API_KEY: GENERIC,
  [LIVE_WORKSPACE_VARIABLES.id]: MOCK_WORKSPACE_ID,
  [LIVE_WORKSPACE_VARIABLES.region]: "ap-southeast-1",
  ...CANARIES,
};

/** Everything a run prints or writes: progress, the table, the JSON and JUnit reports, and the run itself. */
function everyOutput(run: ConformanceRun, cells: readonly CellResult[]): string[] {
  return [
    formatTable(run.results, run.hosts, run.features),
    formatJson(run),
    formatJunit(run),
    JSON.stringify(run),
    inspect(run, { depth: Number.POSITIVE_INFINITY }),
    JSON.stringify(cells),
    run.notice ?? "",
  ];
}

function expectNoCanary(texts: readonly string[]): void {
  for (const text of texts) for (const key of ALL) expect(text).not.toContain(key);
}

/** A live run whose requests the in-process mock answers: real keys in play, no traffic leaves the process. */
async function liveRunAgainstMock(faults: readonly MockFaultRule[] = []) {
  const mock = setupDashscopeMock({ faults });
  mock.listen();
  try {
    const cells: CellResult[] = [];
    const run = await runConformance({
      target: { kind: "live", env: liveEnv },
      onCell: (cell) => cells.push(cell),
    });
    return { run, cells, requests: mock.recorder.requests };
  } finally {
    mock.close();
  }
}

describe("the conformance app never prints or writes a key", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("a live run with a key per host (served by the in-process mock): passing cells, no key in any output", async () => {
    const { run, cells, requests } = await liveRunAgainstMock();
    expect(run.target).toBe("live");
    expect(run.results.filter((cell) => cell.status === "pass").length).toBeGreaterThan(
      run.results.length / 2,
    );
    // The canaries really were sent (the mock records them masked).
    const authorizations = new Set(requests.map((request) => request.headers.authorization));
    for (const key of Object.values(CANARIES)) expect(authorizations).toContain(`Bearer ${maskApiKey(key)}`);
    expectNoCanary(everyOutput(run, cells));
    expectNoCanary(requests.map((request) => JSON.stringify(request)));
  });

  it("a live run where every request fails (401 and 500 bodies in the details): no key in any output", async () => {
    const { run, cells } = await liveRunAgainstMock([
      {
        fault: { type: "error", error: "invalid-api-key" },
        match: (request) => request.path.endsWith("/chat/completions"),
      },
      { fault: { type: "error", error: "internal-error", sseFramed: true } },
    ]);
    const failed = run.results.filter((cell) => cell.status === "fail");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((cell) => cell.detail.length > 0)).toBe(true);
    expectNoCanary(everyOutput(run, cells));
  });

  it("a mock run ignores the keys in the environment and shows none", async () => {
    for (const [name, value] of Object.entries(liveEnv)) vi.stubEnv(name, value);
    const cells: CellResult[] = [];
    const run = await runConformance({ target: { kind: "mock" }, onCell: (cell) => cells.push(cell) });
    expect(run.results.filter((cell) => cell.status === "fail")).toEqual([]);
    expect(run.results.filter((cell) => cell.status === "pass").length).toBeGreaterThan(0);
    expectNoCanary(everyOutput(run, cells));
  });
});

describe("the built CLI", () => {
  const bin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "qwenkit-conformance-secrets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("with every key variable set, against the standalone mock on 127.0.0.1: no key on stdout, stderr or in the reports", async () => {
    const server = await startDashscopeMockServer({ host: "127.0.0.1", port: 0 });
    try {
      const json = join(dir, "report.json");
      const junit = join(dir, "report.xml");
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [bin, "--base-url", server.url, "--json", json, "--junit", junit],
        {
          env: {
            PATH: process.env.PATH ?? "",
            ...liveEnv,
            MODELSTUDIO_API_KEY: GENERIC,
            DASHSCOPE_API_KEY: GENERIC,
          },
        },
      );
      // The workspace-key column needs a key of another workspace, which only the embedded mock has.
      const hosts = CONFORMANCE_HOSTS.length;
      expect(stdout).toContain(`${hosts * FEATURES.length - hosts} passed, 0 failed, ${hosts} skipped`);
      expectNoCanary([stdout, stderr, readFileSync(json, "utf8"), readFileSync(junit, "utf8")]);
      expectNoCanary(server.recorder.requests.map((request) => JSON.stringify(request)));
    } finally {
      await server.close();
    }
  });
});
