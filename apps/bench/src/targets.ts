import type { WorkloadResult } from "./report.js";

/** The targets, as numbers. */
export const TARGETS = {
  /** `@qwenkit/provider` time over the raw `openai` SDK's, on every workload. */
  maxRatioToOpenai: 1.15,
  /** RSS growth over a 1,000,000-chunk stream. */
  maxLongStreamGrowthMb: 50,
  longStreamChunks: 1_000_000,
  /** `await import("@qwenkit/core")` in a fresh process (median). */
  maxCoreImportMs: 15,
  /** Short streamed requests the standalone mock serves per second on loopback. */
  minMockRequestsPerSec: 2_000,
} as const;

/** The figures the targets are checked against. */
export interface TargetInputs {
  readonly workloads: readonly WorkloadResult[];
  readonly longStreamGrowthMb: number;
  readonly coreImportMs: number;
  readonly mockRequestsPerSec: number;
}

/** One target, checked. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

function msOf(workload: WorkloadResult, subject: string): number {
  const result = workload.subjects.find((candidate) => candidate.name === subject);
  if (result === undefined) throw new Error(`${subject} was not measured on ${workload.name}`);
  return result.ms;
}

/** Checks every target: per workload for the comparisons, once for the rest. */
export function checkTargets(inputs: TargetInputs): TargetCheck[] {
  const perWorkload = inputs.workloads.flatMap((workload) => {
    const provider = msOf(workload, "@qwenkit/provider");
    const ratio = provider / msOf(workload, "openai");
    const aiSdk = msOf(workload, "@ai-sdk/alibaba");
    return [
      {
        target: `${workload.name}: @qwenkit/provider ≤ ${TARGETS.maxRatioToOpenai}× openai`,
        measured: `${fixed(ratio, 3)}×`,
        met: ratio <= TARGETS.maxRatioToOpenai,
      },
      {
        target: `${workload.name}: @qwenkit/provider faster than @ai-sdk/alibaba`,
        measured: `${fixed(provider, 0)} ms vs ${fixed(aiSdk, 0)} ms (${fixed(aiSdk / provider, 1)}× faster)`,
        met: provider < aiSdk,
      },
    ];
  });
  return [
    ...perWorkload,
    {
      target: `RSS growth over a ${TARGETS.longStreamChunks.toLocaleString("en-US")}-chunk stream < ${TARGETS.maxLongStreamGrowthMb} MB`,
      measured: `${fixed(inputs.longStreamGrowthMb, 1)} MB`,
      met: inputs.longStreamGrowthMb < TARGETS.maxLongStreamGrowthMb,
    },
    {
      target: `@qwenkit/core import < ${TARGETS.maxCoreImportMs} ms`,
      measured: `${fixed(inputs.coreImportMs, 2)} ms`,
      met: inputs.coreImportMs < TARGETS.maxCoreImportMs,
    },
    {
      target: `standalone mock ≥ ${TARGETS.minMockRequestsPerSec.toLocaleString("en-US")} short streamed requests/s`,
      measured: `${fixed(inputs.mockRequestsPerSec, 0)} requests/s`,
      met: inputs.mockRequestsPerSec >= TARGETS.minMockRequestsPerSec,
    },
  ];
}
