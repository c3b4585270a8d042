import type { ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";

/** What a child process printed, and how it ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Collects a child's stdout and stderr until it exits; a child still running after `killAfterMs`
 * is killed (SIGKILL), so a hung bin fails its test instead of outliving it.
 */
export function childExit(
  child: ChildProcessByStdio<null, Readable, Readable>,
  killAfterMs = 15_000,
): Promise<ChildExit> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => {
    stdout += data.toString("utf8");
  });
  child.stderr.on("data", (data: Buffer) => {
    stderr += data.toString("utf8");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}
