import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The standalone mock, running in a process of its own. */
export interface MockProcess {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The mock's process id (its CPU and memory are not the client's). */
  readonly pid: number;
  stop(): Promise<void>;
}

/** The path of `@qwenkit/dashscope-mock`'s `dashscope-mock` bin, as installed. */
export function mockBinPath(): string {
  const manifestPath = createRequire(import.meta.url).resolve("@qwenkit/dashscope-mock/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  const bin = manifest.bin["dashscope-mock"];
  if (bin === undefined) throw new Error("@qwenkit/dashscope-mock has no dashscope-mock bin");
  return join(dirname(manifestPath), bin);
}

const LISTENING = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m;
const START_TIMEOUT_MS = 10_000;

/** Starts the mock's bin on 127.0.0.1, a free port, and resolves once it listens. */
export function startMockProcess(): Promise<MockProcess> {
  const child = spawn(process.execPath, [mockBinPath(), "--port", "0", "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error("the mock did not start listening in time")),
      START_TIMEOUT_MS,
    );
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`the mock exited before listening (code ${code})`)));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      stdout += text;
      const match = LISTENING.exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.removeAllListeners("error");
      resolve({ origin: match[1], pid: child.pid ?? -1, stop: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
