/**
 * `pnpm bench`: every subject on every workload over both transports, each in a fresh process,
 * then the long-stream memory, import-time and mock-throughput probes; a table per workload, the
 * targets, and `--json FILE`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseBenchArgs, USAGE } from "./args.js";
import { buildScript, runChild } from "./child.js";
import type { WorkerJob } from "./child-protocol.js";
import { describeMachine } from "./machine.js";
import { type MockProcess, startMockProcess } from "./mock-process.js";
import { IMPORT_PROBES, type ImportProbeId } from "./probes/import-probes.js";
import type { ImportTimeResult } from "./probes/import-time.js";
import type { LongStreamMemoryJob, LongStreamMemoryResult } from "./probes/long-stream-memory.js";
import type { MockThroughputJob, MockThroughputResult } from "./probes/mock-throughput.js";
import { type Measurement, summarizeWorkload, type WorkloadResult } from "./report.js";
import { ROUNDS, roundParticipants } from "./rounds.js";
import { median } from "./stats.js";
import type { SubjectName } from "./subject.js";
import { SUBJECTS } from "./subjects.js";
import { checkTargets, TARGETS } from "./targets.js";
import { formatChecks, formatWorkload } from "./terminal-report.js";
import { startWorker, type WorkerProcess } from "./worker-process.js";
import { TRANSPORTS, type Transport, WORKLOADS, type Workload } from "./workloads.js";

/**
 * Per workload, each subject gets a fresh process that warms up once; then the subjects take
 * turns, one run each per round (in reverse order every other round), so that a slow spell of
 * the machine falls on all of them alike; which subjects take part in which round is ROUNDS'.
 */
const IMPORT_SAMPLES = 25;
const MOCK_THROUGHPUT: Omit<MockThroughputJob, "origin"> = {
  chunks: 20,
  connections: 16,
  warmupRequests: 4_000,
  maxRequests: 40_000,
  maxMs: 4_000,
};
const LONG_STREAM: Omit<LongStreamMemoryJob, "origin"> = {
  chunks: TARGETS.longStreamChunks,
  warmupChunks: 50_000,
  sampleEvery: 1_000,
};

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function measureWorkload(
  workload: Workload,
  transport: Transport,
  mock: MockProcess,
): Promise<WorkloadResult> {
  const workers: {
    readonly subject: SubjectName;
    readonly process: WorkerProcess;
    readonly runsMs: number[];
  }[] = [];
  try {
    for (const subject of SUBJECTS) {
      const job: WorkerJob = {
        subject: subject.name,
        workload: workload.name,
        transport,
        ...(transport === "loopback" ? { origin: mock.origin } : {}),
      };
      workers.push({ subject: subject.name, process: await startWorker(job), runsMs: [] });
    }
    let extraMs = 0;
    for (let round = 0; ; round += 1) {
      const taking = roundParticipants(
        round,
        workers.map((worker) => worker.runsMs),
        extraMs,
      ).map((index) => workers[index] as (typeof workers)[number]);
      if (taking.length === 0) break;
      const started = performance.now();
      const order = round % 2 === 0 ? taking : [...taking].reverse();
      for (const worker of order) worker.runsMs.push(await worker.process.run());
      if (round >= ROUNDS.min) extraMs += performance.now() - started;
      progress(
        `${workload.name}/${transport} round ${round + 1}: ${taking.map((worker) => `${worker.subject} ${worker.runsMs.at(-1)?.toFixed(0)} ms`).join(", ")}`,
      );
    }
    const measurements: Measurement[] = [];
    for (const worker of workers) {
      measurements.push({
        subject: worker.subject,
        runsMs: worker.runsMs,
        peakRssMb: await worker.process.stop(),
      });
    }
    return summarizeWorkload(workload, transport, measurements);
  } finally {
    for (const worker of workers) worker.process.kill();
  }
}

async function measureWorkloads(mock: MockProcess): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const transport of TRANSPORTS) {
    for (const workload of WORKLOADS) {
      const summary = await measureWorkload(workload, transport, mock);
      process.stdout.write(`\n${formatWorkload(summary)}\n`);
      results.push(summary);
    }
  }
  return results;
}

type ImportTimings = Record<ImportProbeId, { medianMs: number; samplesMs: number[] }>;

/**
 * Each import probe in IMPORT_SAMPLES fresh processes, the probes taking turns (in reverse order
 * every other sample, as the subjects do).
 */
async function importTimings(): Promise<ImportTimings> {
  const ids = Object.keys(IMPORT_PROBES) as ImportProbeId[];
  const samples = new Map(ids.map((id) => [id, [] as number[]]));
  for (let sample = 0; sample < IMPORT_SAMPLES; sample += 1) {
    for (const id of sample % 2 === 0 ? ids : ids.toReversed()) {
      const result = (await runChild(buildScript("./probes/import-time.js"), [id], {
        timeoutMs: 30_000,
      })) as ImportTimeResult;
      samples.get(id)?.push(result.ms);
    }
  }
  return Object.fromEntries(
    ids.map((id) => {
      const samplesMs = samples.get(id) ?? [];
      return [id, { medianMs: median(samplesMs), samplesMs }];
    }),
  ) as ImportTimings;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const machine = describeMachine();
  process.stdout.write(
    `qwenkit benchmarks — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}\n`,
  );
  const mock = await startMockProcess();
  let workloads: WorkloadResult[];
  let mockThroughput: MockThroughputResult;
  let longStream: LongStreamMemoryResult;
  try {
    progress(`standalone mock at ${mock.origin}; measuring its throughput (this also warms it up)`);
    mockThroughput = (await runChild(
      buildScript("./probes/mock-throughput.js"),
      [JSON.stringify({ ...MOCK_THROUGHPUT, origin: mock.origin } satisfies MockThroughputJob)],
      { timeoutMs: 60_000 },
    )) as MockThroughputResult;
    workloads = await measureWorkloads(mock);
    progress(`@qwenkit/provider over a ${LONG_STREAM.chunks.toLocaleString("en-US")}-chunk stream`);
    longStream = (await runChild(
      buildScript("./probes/long-stream-memory.js"),
      [JSON.stringify({ ...LONG_STREAM, origin: mock.origin } satisfies LongStreamMemoryJob)],
      { nodeArgs: ["--expose-gc"], timeoutMs: 120_000 },
    )) as LongStreamMemoryResult;
  } finally {
    await mock.stop();
  }
  progress(
    `import times of ${Object.keys(IMPORT_PROBES).join(", ")}, ${IMPORT_SAMPLES} fresh processes each`,
  );
  const imports = await importTimings();

  const checks = checkTargets({
    workloads,
    longStreamGrowthMb: longStream.rssGrowthMb,
    importMs: {
      core: imports["@qwenkit/core"].medianMs,
      provider: imports["@qwenkit/provider"].medianMs,
      openai: imports.openai.medianMs,
      providerAfterOpenai: imports["@qwenkit/provider after openai"].medianMs,
    },
    mockRequestsPerSec: mockThroughput.requestsPerSec,
  });
  const durationMs = performance.now() - started;
  process.stdout.write(
    [
      "",
      `@qwenkit/provider over ${longStream.chunks.toLocaleString("en-US")} chunks (loopback): RSS ${longStream.baselineRssMb.toFixed(1)} MB → peak ${longStream.peakRssMb.toFixed(1)} MB, growth ${longStream.rssGrowthMb.toFixed(1)} MB, ${seconds(longStream.ms)}; live heap after a full GC: +${longStream.retainedHeapMb.toFixed(1)} MB, of which the text the result holds is ${longStream.textMb.toFixed(1)} MB`,
      `  growth at each tenth (MB): ${longStream.growthByTenthMb.map((mb) => mb.toFixed(1)).join(", ")}`,
      `import, median of ${IMPORT_SAMPLES} fresh processes: ${Object.entries(imports)
        .map(([name, timing]) => `${name} ${timing.medianMs.toFixed(2)} ms`)
        .join(", ")}`,
      `standalone mock: ${mockThroughput.requestsPerSec.toFixed(0)} requests/s (${mockThroughput.requests} requests of ${MOCK_THROUGHPUT.chunks} chunks, ${MOCK_THROUGHPUT.connections} keep-alive connections)`,
      "",
      formatChecks(checks),
      "",
      `done in ${seconds(durationMs)}`,
      "",
    ].join("\n"),
  );
  if (args.json !== undefined) {
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.json);
    mkdirSync(dirname(file), { recursive: true });
    const report = {
      generatedAt: new Date().toISOString(),
      durationMs,
      machine,
      method: {
        rounds: ROUNDS,
        workloads: WORKLOADS,
        transports: TRANSPORTS satisfies readonly Transport[],
        subjects: SUBJECTS.map(({ name, description }) => ({ name, description })),
      },
      workloads,
      probes: {
        longStreamMemory: longStream,
        imports,
        mockThroughput: { ...mockThroughput, ...MOCK_THROUGHPUT },
      },
      targets: checks,
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    progress(`wrote ${file}`);
  }
  return args.check && checks.some((check) => !check.met) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
