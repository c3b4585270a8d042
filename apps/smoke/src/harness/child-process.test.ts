import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTPUT_LIMIT, runChild } from "./child-process.ts";

const sh = (script: string, options: { timeoutMs?: number; stopWhen?: Promise<unknown> } = {}) =>
  runChild({
    command: "/bin/sh",
    args: ["-c", script],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin" },
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.stopWhen === undefined ? {} : { stopWhen: options.stopWhen }),
  });

/** Whether a process still runs: it exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** Polls until the process has stopped running (a killed process takes a moment to go). */
async function stopsRunning(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (!running(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

const firstLinePid = (stdout: string) => Number(stdout.split("\n")[0]);

describe("runChild", () => {
  it("passes the exit code and output through", async () => {
    const result = await sh("echo out; echo err >&2; exit 3");
    expect(result).toMatchObject({
      exitCode: 3,
      signal: null,
      stdout: "out\n",
      stderr: "err\n",
      timedOut: false,
    });
  });

  it("kills a child that outlives its timeout, and what it started", async () => {
    const result = await sh("sleep 30 & echo $!; wait", { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, signal: "SIGKILL" });
    expect(result.durationMs).toBeLessThan(5_000);
    expect(await stopsRunning(firstLinePid(result.stdout))).toBe(true);
  });

  it("kills what a child left running when it exits", async () => {
    const result = await sh("sleep 30 & echo $!");
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.durationMs).toBeLessThan(5_000);
    expect(await stopsRunning(firstLinePid(result.stdout))).toBe(true);
  });

  it("stops a child when stopWhen settles (SIGTERM), before the timeout", async () => {
    const stopWhen = new Promise((resolve) => setTimeout(resolve, 200));
    const result = await sh("sleep 30", { stopWhen, timeoutMs: 20_000 });
    expect(result).toMatchObject({ timedOut: false, signal: "SIGTERM" });
  });

  it("keeps at most OUTPUT_LIMIT characters of a stream and says how much it dropped", async () => {
    const result = await sh(`head -c ${OUTPUT_LIMIT + 1000} /dev/zero | tr '\\0' a`);
    expect(result.stdout.startsWith("a".repeat(OUTPUT_LIMIT))).toBe(true);
    expect(result.stdout.slice(OUTPUT_LIMIT)).toBe("\n[1000 more bytes dropped]");
  });

  it("rejects when the command cannot start", async () => {
    await expect(
      runChild({ command: "/nonexistent/runtime", args: [], cwd: "/", env: {}, timeoutMs: 1_000 }),
    ).rejects.toThrow(/ENOENT/);
  });
});
