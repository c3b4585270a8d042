// The runtimes the smoke test runs, keyed by id: how to find each one and how to run the scenario
// in it. Each run is a child process in its own process group with a bounded time, and talks only
// to the mock on 127.0.0.1.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readReport } from "../report-line.ts";
import { chromiumBinary, node24Binary, packageFile } from "./binaries.ts";
import { APP_ROOT, type BundleId } from "./bundles.ts";
import { type ChildResult, runChild } from "./child-process.ts";
import { startPageServer } from "./page-server.ts";
import { workerdConfig } from "./workerd-config.ts";

export type RuntimeId = "node-22" | "node-24" | "deno" | "bun" | "workerd" | "chromium";

/** What one run gets. */
export interface RunContext {
  /** A Pay-as-you-go host's base URL on the mock. */
  readonly mockBaseUrl: string;
  /** The script to run: the runtime's bundle (see {@link RuntimeSpec.bundle}), or another script bundle. */
  readonly bundleFile: string;
  /**
   * The script loads msw, which lists `process.env` and reads its own files (a wasm parser) as it
   * loads: a runtime with permissions (Deno) grants env and read access. The provider needs neither.
   */
  readonly loadsMsw?: boolean;
  /** A fresh folder of its own: config, caches, a browser profile. */
  readonly workDir: string;
  readonly timeoutMs: number;
}

/** What one run gave. */
export interface RuntimeRun {
  readonly child: ChildResult;
  /** What the script reported: a `SmokeReport`, or an `InProcessMockReport` from that probe. */
  readonly report: unknown;
  /** Why there is no report, when the runtime said (a browser page's error). */
  readonly failure?: string;
}

export interface RuntimeSpec {
  readonly label: string;
  /** The bundle it loads. */
  readonly bundle: BundleId;
  /** The report's `runtime` must match: proof that this runtime, not another, ran it. */
  readonly identity: RegExp;
  /** The executable, or `undefined` when it is not installed. */
  readonly binary: () => string | undefined;
  /** How to install it. */
  readonly install: string;
  readonly run: (binary: string, context: RunContext) => Promise<RuntimeRun>;
  /**
   * What `setupDashscopeMock().listen()` must do here, for runtimes that run scripts from
   * node_modules: intercept (msw works), or fail closed (msw cannot intercept this runtime's fetch).
   */
  readonly inProcessMock?: "intercepts" | "fails-closed";
}

/** The whole environment of a child: nothing of the test's own (no keys, no tokens) is passed on. */
function childEnv(workDir: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: workDir,
    TMPDIR: workDir,
    NO_COLOR: "1",
    DO_NOT_TRACK: "1",
    ...extra,
  };
}

/** `<binary> ...flags <script> <baseUrl>`, from the app folder so node_modules resolves. */
const cliRun =
  (
    flags: (context: RunContext) => readonly string[],
    env: (workDir: string) => Record<string, string> = () => ({}),
  ) =>
  async (binary: string, context: RunContext): Promise<RuntimeRun> => {
    const child = await runChild({
      command: binary,
      args: [...flags(context), context.bundleFile, context.mockBaseUrl],
      cwd: APP_ROOT,
      env: childEnv(context.workDir, env(context.workDir)),
      timeoutMs: context.timeoutMs,
    });
    return { child, report: readReport(child.stdout) };
  };

async function workerdRun(binary: string, context: RunContext): Promise<RuntimeRun> {
  copyFileSync(context.bundleFile, join(context.workDir, "worker.js"));
  writeFileSync(
    join(context.workDir, "config.capnp"),
    workerdConfig({ workerFile: "worker.js", mockBaseUrl: context.mockBaseUrl }),
  );
  const child = await runChild({
    command: binary,
    args: ["test", "config.capnp"],
    cwd: context.workDir,
    env: childEnv(context.workDir),
    timeoutMs: context.timeoutMs,
  });
  return { child, report: readReport(child.stdout) };
}

/**
 * Flags for headless Chromium on a machine without a network or a desktop: no sandbox (CI runs
 * as root), and none of the background connections it would otherwise keep trying to open.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // The page's console goes to stderr, which a failure message shows.
  "--enable-logging=stderr",
  "--v=0",
] as const;

async function chromiumRun(binary: string, context: RunContext): Promise<RuntimeRun> {
  const pages = await startPageServer(context.bundleFile);
  try {
    const child = await runChild({
      command: binary,
      args: [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${join(context.workDir, "profile")}`,
        pages.pageUrl(context.mockBaseUrl),
      ],
      cwd: context.workDir,
      env: childEnv(context.workDir),
      timeoutMs: context.timeoutMs,
      // The browser never exits on its own: it is stopped once the page has reported.
      stopWhen: pages.outcome,
    });
    // The page's outcome if it has come (an already settled promise wins the race), else none.
    const outcome = await Promise.race([pages.outcome, Promise.resolve(undefined)]);
    if (outcome === undefined) return { child, report: undefined };
    return "report" in outcome
      ? { child, report: outcome.report }
      : { child, report: undefined, failure: outcome.error };
  } finally {
    await pages.close();
  }
}

export const RUNTIMES: Readonly<Record<RuntimeId, RuntimeSpec>> = {
  "node-22": {
    bundle: "cli",
    label: "Node 22",
    identity: /^node 22\./,
    // The Node running the tests: scripts/run.mjs pins it to 22.
    binary: () => process.execPath,
    install: "run the tests through scripts/run.mjs (pnpm test at the root), which pins Node 22",
    run: cliRun(() => []),
    inProcessMock: "intercepts",
  },
  "node-24": {
    bundle: "cli",
    label: "Node 24",
    identity: /^node 24\./,
    binary: node24Binary,
    install: "pnpm --filter @qwenkit/smoke setup",
    run: cliRun(() => []),
    inProcessMock: "intercepts",
  },
  deno: {
    bundle: "cli",
    label: "Deno",
    identity: /^deno 2\./,
    binary: () => packageFile("@deno/linux-x64-glibc", "deno"),
    install: "pnpm install (optional dependency @deno/linux-x64-glibc; Linux x64 only)",
    // Network to 127.0.0.1 is the only permission the provider needs: it reads no env and no files.
    run: cliRun(
      (context) => [
        "run",
        "--no-lock",
        "--no-prompt",
        "--allow-net=127.0.0.1",
        ...(context.loadsMsw === true ? ["--allow-env", "--allow-read"] : []),
      ],
      (workDir) => ({
        DENO_DIR: join(workDir, "deno"),
        DENO_NO_UPDATE_CHECK: "1",
      }),
    ),
    inProcessMock: "fails-closed",
  },
  bun: {
    bundle: "cli",
    label: "Bun",
    identity: /^bun 1\./,
    binary: () => packageFile("@oven/bun-linux-x64", "bin/bun"),
    install: "pnpm install (optional dependency @oven/bun-linux-x64; Linux x64 only)",
    // --no-install: never fetch a package; everything comes from node_modules.
    run: cliRun(() => ["--no-install"]),
    inProcessMock: "fails-closed",
  },
  workerd: {
    bundle: "worker",
    label: "workerd (no nodejs_compat)",
    identity: /^workerd$/,
    binary: () => packageFile("@cloudflare/workerd-linux-64", "bin/workerd"),
    install: "pnpm install (optional dependency @cloudflare/workerd-linux-64; Linux x64 only)",
    run: workerdRun,
  },
  chromium: {
    bundle: "page",
    label: "headless Chromium page",
    identity: /HeadlessChrome\/\d+/,
    binary: chromiumBinary,
    install: "apt-get install -y chromium (Debian), or set CHROMIUM_PATH",
    run: chromiumRun,
  },
};
