// Child processes for the release scripts: every run is bounded in time, its output is kept for
// error messages, and a run still going when the session is torn down is killed with its children.
import { spawn } from "node:child_process";

/** A check that did not pass. Its message is written for the person reading the CI log. */
export class CheckFailure extends Error {
  name = "CheckFailure";
}

/** The last `lines` lines of some output, indented, for an error message. */
export function tail(text, lines = 30) {
  const kept = text.trimEnd().split("\n").slice(-lines);
  return kept.map((line) => `    ${line}`).join("\n");
}

/**
 * Creates a tracker for child processes. `spawnTracked` starts each child in its own process group
 * so that `killAll` (called on a signal or at exit) also ends the processes it started in turn.
 */
export function createProcessTracker() {
  const live = new Set();
  const killGroup = (child, signal) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  return {
    spawnTracked(command, args, options) {
      const child = spawn(command, args, { ...options, detached: true });
      live.add(child);
      child.once("exit", () => live.delete(child));
      child.once("error", () => live.delete(child));
      return child;
    },
    killGroup,
    killAll(signal = "SIGKILL") {
      for (const child of live) killGroup(child, signal);
    },
  };
}

/**
 * Runs a command to completion, or kills it after `timeoutMs`. Resolves (never rejects) with the
 * exit code, the signal, both outputs and whether it timed out; `error` is set when it could not start.
 */
export function run(tracker, command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const child = tracker.spawnTracked(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      tracker.killGroup(child, "SIGKILL");
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr, timedOut, error });
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, error: undefined });
    });
  });
}

/** Like {@link run}, but a non-zero exit, a timeout or a failure to start is a {@link CheckFailure}. */
export async function mustRun(tracker, what, command, args, options) {
  const result = await run(tracker, command, args, options);
  const shown = `${command} ${args.join(" ")}`;
  if (result.error) throw new CheckFailure(`${what}: could not start \`${shown}\`: ${result.error.message}`);
  if (result.timedOut) {
    throw new CheckFailure(
      `${what}: \`${shown}\` did not finish within ${options.timeoutMs / 1000} s\n${tail(result.stdout + result.stderr)}`,
    );
  }
  if (result.code !== 0) {
    const how = result.code === null ? `was killed by ${result.signal}` : `exited with ${result.code}`;
    throw new CheckFailure(`${what}: \`${shown}\` ${how}\n${tail(result.stdout + result.stderr)}`);
  }
  return result;
}
