/**
 * Child process (started with `fork`): one subject on one workload over one transport, in a
 * process of its own so that its peak RSS is its own. It warms up (the measured run, repeated for
 * the workload's `warmupMs`), says `ready`, then makes one measured run per `run` message, so the
 * orchestrator can interleave the subjects' runs in time.
 * Usage: `fork("worker.js", ['<WorkerJob as JSON>'])`.
 */
import { performance } from "node:perf_hooks";
import type { FromWorker, ToWorker, WorkerJob } from "./child-protocol.js";
import { startInProcessMock } from "./in-process-mock.js";
import { checkOutcome } from "./outcome-check.js";
import { peakRssMb } from "./peak-rss.js";
import { runPool } from "./request-pool.js";
import type { SubjectClient } from "./subject.js";
import { findSubject } from "./subjects.js";
import { type BenchTarget, IN_PROCESS_BASE_URL, loopbackBaseUrl } from "./target.js";
import { repeatFor } from "./warm-up.js";
import { findWorkload, type StreamShape } from "./workloads.js";

const send = (message: FromWorker) => process.send?.(message);

function runRequests(
  name: string,
  client: SubjectClient,
  shape: StreamShape,
  requests: number,
  concurrency: number,
): Promise<void> {
  return runPool(requests, concurrency, async () => {
    checkOutcome(name, shape, await client.stream(shape));
  });
}

async function main(job: WorkerJob): Promise<void> {
  if (process.send === undefined) throw new Error("start the worker with fork(), it talks over IPC");
  const workload = findWorkload(job.workload);
  const entry = findSubject(job.subject);
  let target: BenchTarget;
  let mock: { close(): void } | undefined;
  if (job.transport === "in-process") {
    mock = await startInProcessMock();
    target = { transport: "in-process", baseUrl: IN_PROCESS_BASE_URL };
  } else {
    if (job.origin === undefined) throw new Error("a loopback job needs the mock's origin");
    target = { transport: "loopback", baseUrl: loopbackBaseUrl(job.origin) };
  }
  const client = (await entry.load()).create(target);
  const { warmupMs, shape, requests, concurrency } = workload;
  await repeatFor(warmupMs, () => runRequests(entry.name, client, shape, requests, concurrency));
  send({ type: "ready" });
  process.on("message", (message: ToWorker) => {
    if (message.type === "stop") {
      mock?.close();
      send({ type: "stopped", peakRssMb: peakRssMb() });
      process.disconnect?.();
      return;
    }
    const started = performance.now();
    runRequests(entry.name, client, shape, requests, concurrency).then(
      () => send({ type: "ran", ms: performance.now() - started }),
      (error: unknown) => fail(error),
    );
  });
}

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  send({ type: "failed", message });
  process.exitCode = 1;
  process.disconnect?.();
}

main(JSON.parse(process.argv[2] ?? "{}") as WorkerJob).catch(fail);
