import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_DIR } from "./compile.js";
import type { Snippet } from "./markdown.js";
import { REPO_ROOT, snippetFileName } from "./sources.js";

const PRELOAD = fileURLToPath(new URL("./mock-preload.ts", import.meta.url));
const VITEST = join(REPO_ROOT, "node_modules/vitest/vitest.mjs");
const RUN_TIMEOUT_MS = 45_000;
// Enough of a failing run to see why; a runaway snippet must not flood the report.
const OUTPUT_TAIL_CHARS = 4_000;

/** How a snippet run ended. */
export interface SnippetRun {
  readonly ok: boolean;
  /** What to show when it failed: exit code and the tail of its output. */
  readonly report: string;
}

const tail = (text: string) =>
  text.length > OUTPUT_TAIL_CHARS ? `…${text.slice(-OUTPUT_TAIL_CHARS)}` : text;

async function runChild(args: readonly string[], env: Readonly<Record<string, string>>): Promise<SnippetRun> {
  // A home of its own: nothing of the user's (~/.openclaw/.env, npm config) can change a run.
  const home = mkdtempSync(join(tmpdir(), "qwenkit-snippet-"));
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [...args],
        {
          cwd: GENERATED_DIR,
          env: { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1", ...env },
          timeout: RUN_TIMEOUT_MS,
          killSignal: "SIGKILL",
          maxBuffer: 8 * 1024 * 1024,
        },
        (error, out, err) =>
          error
            ? reject(Object.assign(error, { stdout: out, stderr: err }))
            : resolve({ stdout: out, stderr: err }),
      );
    });
    return { ok: true, report: tail(`${stdout}${stderr}`) };
  } catch (error) {
    const failed = error as { code?: number | string; killed?: boolean; stdout?: string; stderr?: string };
    const why = failed.killed ? `killed after ${RUN_TIMEOUT_MS} ms` : `exit code ${String(failed.code)}`;
    return { ok: false, report: `${why}\n${tail(`${failed.stdout ?? ""}${failed.stderr ?? ""}`)}` };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Runs a `run` snippet with Node (type stripping), the DashScope mock intercepting every request
 * (mock-preload.ts, unless the snippet imports `@qwenkit/dashscope-mock` and sets it up itself),
 * and only `PATH`, a scratch `HOME` and the snippet's own variables in its environment; or a
 * `vitest` snippet with vitest, as a test file of its own.
 */
export async function runSnippet(snippet: Snippet): Promise<SnippetRun> {
  const file = snippetFileName(snippet);
  if (snippet.mode === "vitest") {
    const config = join(GENERATED_DIR, "vitest.config.mjs");
    writeFileSync(
      config,
      'export default { test: { include: ["*.snippet.test.ts"], testTimeout: 20000 } };\n',
    );
    return runChild([VITEST, "run", "--config", config, "--root", GENERATED_DIR, file], snippet.env);
  }
  // A snippet that sets up the mock itself shows how; a second interception would get in its way.
  const ownMock = /from\s+["']@qwenkit\/dashscope-mock(?:\/[\w-]+)?["']/.test(snippet.code);
  return runChild(ownMock ? [file] : ["--import", PRELOAD, file], snippet.env);
}
