import { type ChildProcess, fork } from "node:child_process";
import { buildScript } from "./child.js";
import type { FromWorker, ToWorker, WorkerJob } from "./child-protocol.js";

/** A running worker: one measured run per {@link WorkerProcess.run}, then {@link WorkerProcess.stop}. */
export interface WorkerProcess {
  /** Wall time of one run of the workload. */
  run(): Promise<number>;
  /** Ends the worker; resolves with its peak RSS. */
  stop(): Promise<number>;
  /** Ends the worker at once (after a failure elsewhere). */
  kill(): void;
}

/** How long a worker may take to warm up, or to make one run, before it is killed. */
const STEP_TIMEOUT_MS = 120_000;

/** Forks a worker for `job` and resolves once it has warmed up. */
export async function startWorker(job: WorkerJob): Promise<WorkerProcess> {
  const child = fork(buildScript("./worker.js"), [JSON.stringify(job)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const label = `${job.subject} on ${job.workload}/${job.transport}`;
  await reply(child, label, "ready");
  return {
    async run() {
      const answer = await request(child, label, { type: "run" }, "ran");
      return answer.ms;
    },
    async stop() {
      const answer = await request(child, label, { type: "stop" }, "stopped");
      return answer.peakRssMb;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

type Answer<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

function request<T extends FromWorker["type"]>(
  child: ChildProcess,
  label: string,
  message: ToWorker,
  expected: T,
): Promise<Answer<T>> {
  const answer = reply(child, label, expected);
  child.send(message);
  return answer;
}

/** The worker's next message, which must be `expected`; a failure, an exit or a timeout rejects. */
function reply<T extends FromWorker["type"]>(
  child: ChildProcess,
  label: string,
  expected: T,
): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const failWith = (error: Error) => {
      done();
      child.kill("SIGKILL");
      reject(error);
    };
    const onMessage = (message: FromWorker) => {
      if (message.type === expected) {
        done();
        resolve(message as Answer<T>);
      } else if (message.type === "failed") failWith(new Error(`${label} failed: ${message.message}`));
      else failWith(new Error(`${label} answered ${message.type}, expected ${expected}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      failWith(new Error(`${label} exited (${signal ?? `code ${code}`}) before answering ${expected}`));
    const timer = setTimeout(
      () => failWith(new Error(`${label} did not answer ${expected} within ${STEP_TIMEOUT_MS} ms`)),
      STEP_TIMEOUT_MS,
    );
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
