import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { CheckFailure, createProcessTracker, mustRun, run, tail } from "./exec.mjs";

const node = process.execPath;

/** Whether a process runs; a zombie (dead, not yet reaped by its new parent) does not. */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  return !/^State:\s+Z/m.test(status);
}

test("run collects both outputs and the exit code", async () => {
  const tracker = createProcessTracker();
  const result = await run(
    tracker,
    node,
    ["-e", 'console.log("out"); console.error("err"); process.exit(3)'],
    {
      timeoutMs: 10_000,
    },
  );
  assert.deepEqual(
    [result.code, result.stdout, result.stderr, result.timedOut],
    [3, "out\n", "err\n", false],
  );
});

test("a run past its time limit is killed and says so", async () => {
  const tracker = createProcessTracker();
  const started = Date.now();
  const result = await run(tracker, node, ["-e", "setTimeout(() => {}, 60_000)"], { timeoutMs: 300 });
  assert.equal(result.timedOut, true);
  assert.equal(result.signal, "SIGKILL");
  assert.ok(Date.now() - started < 10_000);
});

test("mustRun turns a non-zero exit into a CheckFailure that shows the output", async () => {
  const tracker = createProcessTracker();
  await assert.rejects(
    mustRun(tracker, "building", node, ["-e", 'console.error("tsc: 2 errors"); process.exit(2)'], {
      timeoutMs: 10_000,
    }),
    (error) =>
      error instanceof CheckFailure &&
      /^building: `.+` exited with 2\n {4}tsc: 2 errors$/.test(error.message),
  );
});

test("mustRun reports a command that cannot start", async () => {
  const tracker = createProcessTracker();
  await assert.rejects(
    mustRun(tracker, "linting", "/nonexistent/qwenkit-tool", [], { timeoutMs: 10_000 }),
    /linting: could not start `\/nonexistent\/qwenkit-tool `/,
  );
});

test("killAll ends every live child and the processes it started", async () => {
  const tracker = createProcessTracker();
  const dir = mkdtempSync(join(tmpdir(), "qwenkit-exec-test-"));
  const pidFile = join(dir, "grandchild.pid");
  const script = [
    'const child = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);',
    `require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));`,
    "setTimeout(() => {}, 60_000);",
  ].join("\n");
  try {
    const pending = run(tracker, node, ["-e", script], { timeoutMs: 30_000 });
    const deadline = Date.now() + 10_000;
    while (!existsSync(pidFile) && Date.now() < deadline) await sleep(50);
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    tracker.killAll("SIGKILL");
    const result = await pending;
    assert.equal(result.signal, "SIGKILL");
    await sleep(200);
    assert.equal(isRunning(grandchild), false, "the grandchild outlived killAll");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("tail keeps the last lines, indented", () => {
  assert.equal(tail("a\nb\nc\n", 2), "    b\n    c");
});
