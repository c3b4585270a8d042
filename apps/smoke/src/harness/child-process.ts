import { spawn } from "node:child_process";

/** How much of each output stream is kept; the rest is counted, not stored. */
export const OUTPUT_LIMIT = 256 * 1024;

/** Options of {@link runChild}. */
export interface ChildOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment of the child (nothing is inherited). */
  readonly env: Readonly<Record<string, string>>;
  /** The child and everything it started are killed (SIGKILL) after this long. */
  readonly timeoutMs: number;
  /** When this settles, the child is asked to stop (SIGTERM), then killed after `graceMs`. */
  readonly stopWhen?: Promise<unknown>;
  /** Default 3000. */
  readonly graceMs?: number;
}

/** What a child did. */
export interface ChildResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** It was still running at `timeoutMs`. */
  readonly timedOut: boolean;
  readonly durationMs: number;
}

function collector() {
  let text = "";
  let dropped = 0;
  return {
    push(chunk: Buffer) {
      const kept = Math.min(Math.max(OUTPUT_LIMIT - text.length, 0), chunk.length);
      text += chunk.toString("utf8", 0, kept);
      dropped += chunk.length - kept;
    },
    text: () => (dropped > 0 ? `${text}\n[${dropped} more bytes dropped]` : text),
  };
}

/**
 * Runs a command in its own process group and resolves when it has ended. The group is killed at
 * the timeout and again when the child exits, so nothing it started outlives it (a browser's
 * renderer processes, a runtime's helpers).
 */
export function runChild(options: ChildOptions): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stdout = collector();
  const stderr = collector();
  child.stdout.on("data", stdout.push);
  child.stderr.on("data", stderr.push);
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  let timedOut = false;
  const timers: NodeJS.Timeout[] = [
    setTimeout(() => {
      timedOut = true;
      killGroup("SIGKILL");
    }, options.timeoutMs),
  ];
  let ended = false;
  const stop = () => {
    if (ended) return;
    killGroup("SIGTERM");
    timers.push(setTimeout(() => killGroup("SIGKILL"), options.graceMs ?? 3000));
  };
  options.stopWhen?.then(stop, stop);
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      for (const timer of timers) clearTimeout(timer);
      reject(error);
    });
    // Whatever the child left running goes with it, so the pipes close and "close" fires.
    child.once("exit", () => killGroup("SIGKILL"));
    child.once("close", (exitCode, signal) => {
      ended = true;
      for (const timer of timers) clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}
