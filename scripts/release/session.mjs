// A release script's run: a private temp folder, the child processes it started, and the steps it
// took. Whatever happens (a failed check, an exception, Ctrl-C, SIGTERM from CI), the children are
// killed and the temp folder is removed exactly once.
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CheckFailure, createProcessTracker } from "./exec.mjs";

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Starts a session with a fresh temp folder under `tempRoot` (the OS temp dir). `root` is the work
 * tree, which the temp folder must not be inside: nothing installed there may resolve workspace
 * files. With `keep` the folder is left for inspection (child processes are still stopped).
 */
export function createSession(root, prefix, { keep = false, tempRoot = tmpdir() } = {}) {
  const tree = realpathSync(root);
  const dir = realpathSync(mkdtempSync(join(tempRoot, prefix)));
  if (!relative(tree, dir).startsWith("..")) {
    rmSync(dir, { recursive: true, force: true });
    throw new CheckFailure(`the temp folder ${dir} is inside the work tree; point TMPDIR elsewhere`);
  }
  const tracker = createProcessTracker();
  const cleanups = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    tracker.killAll("SIGKILL");
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${error.message}\n`);
      }
    }
    if (keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const onSignal = (signal) => {
    process.stderr.write(`\n${signal}: stopping child processes and removing ${dir}\n`);
    close();
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS)) process.once(signal, onSignal);
  process.once("exit", close);
  return {
    dir,
    tracker,
    /** Registers a synchronous cleanup, run (last first) before the temp folder is removed. */
    onClose(cleanup) {
      cleanups.push(cleanup);
    },
    close,
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs named steps in order, printing each as it starts and ends. A failing step is recorded and
 * the run goes on, except after a `required` step fails: the steps after it are recorded as skipped.
 */
export function createSteps(print = (line) => process.stdout.write(`${line}\n`)) {
  const results = [];
  const started = performance.now();
  let blockedBy;
  return {
    async step(name, action, { required = false } = {}) {
      if (blockedBy !== undefined) {
        results.push({ name, status: "skip", ms: 0, detail: `not run: "${blockedBy}" failed` });
        return undefined;
      }
      print(`\n::: ${name}`);
      const begin = performance.now();
      try {
        const value = await action();
        const ms = performance.now() - begin;
        results.push({ name, status: "ok", ms });
        print(`::: ok ${name} (${seconds(ms)})`);
        return value;
      } catch (error) {
        const ms = performance.now() - begin;
        const detail = error instanceof CheckFailure ? error.message : (error?.stack ?? String(error));
        results.push({ name, status: "FAIL", ms, detail });
        print(`::: FAIL ${name} (${seconds(ms)})\n${detail}`);
        if (required) blockedBy = name;
        return undefined;
      }
    },
    ok: () => results.length > 0 && results.every((result) => result.status === "ok"),
    summary(title) {
      const width = Math.max(...results.map((result) => result.name.length));
      const lines = results.map((result) => {
        const note = result.status === "skip" ? result.detail : seconds(result.ms);
        return `  ${result.status.padEnd(4)}  ${result.name.padEnd(width)}  ${note}`;
      });
      const failed = results.filter((result) => result.status !== "ok").length;
      const verdict =
        failed === 0 ? "all checks passed" : `${failed} of ${results.length} steps did not pass`;
      return [`\n${title}: ${verdict} in ${seconds(performance.now() - started)}`, ...lines].join("\n");
    },
  };
}
