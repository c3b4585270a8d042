import type { SubjectName } from "./subject.js";
import type { Transport, WorkloadName } from "./workloads.js";

/** A child prints its result as one stdout line with this prefix, so stray output cannot be mistaken for it. */
export const RESULT_PREFIX = "qwenkit-bench-result ";

/** Writes a child's result line. */
export function sendResult(value: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(value)}\n`);
}

/** The result line in a child's stdout, parsed. */
export function readResult(stdout: string): unknown {
  const line = stdout
    .split("\n")
    .reverse()
    .find((candidate) => candidate.startsWith(RESULT_PREFIX));
  if (line === undefined) throw new Error("the child printed no result line");
  return JSON.parse(line.slice(RESULT_PREFIX.length));
}

/** What a worker measures: one subject on one workload over one transport. */
export interface WorkerJob {
  readonly subject: SubjectName;
  readonly workload: WorkloadName;
  readonly transport: Transport;
  /** The standalone mock's `http://127.0.0.1:PORT`, for the loopback transport. */
  readonly origin?: string;
}

/** The orchestrator's messages to a worker (over the IPC channel of `fork`). */
export type ToWorker = { readonly type: "run" } | { readonly type: "stop" };

/** A worker's answers: warmed up, one run's wall time, its peak RSS when stopped, or why it failed. */
export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "ran"; readonly ms: number }
  | { readonly type: "stopped"; readonly peakRssMb: number }
  | { readonly type: "failed"; readonly message: string };
