import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readResult } from "./child-protocol.js";

/** Options of {@link runChild}. */
export interface ChildOptions {
  /** Flags for node itself, e.g. `--expose-gc`. */
  readonly nodeArgs?: readonly string[];
  /** The child is killed, and the run fails, after this long. */
  readonly timeoutMs: number;
}

/** A script of this build (`dist/`), by its path relative to `dist/`. */
export function buildScript(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/**
 * Runs `script` in a fresh node process and resolves with the result line it printed. Fails with
 * the end of its stderr when it exits non-zero, prints no result, or outlives `timeoutMs`.
 */
export function runChild(script: string, args: readonly string[], options: ChildOptions): Promise<unknown> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr = (stderr + text).slice(-4_000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} ${args.join(" ")} took longer than ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`${script} exited with ${signal ?? `code ${code}`}:\n${stderr.trim()}`));
        return;
      }
      try {
        resolve(readResult(stdout));
      } catch (error) {
        reject(
          new Error(`${script}: ${error instanceof Error ? error.message : String(error)}\n${stderr.trim()}`),
        );
      }
    });
  });
}
