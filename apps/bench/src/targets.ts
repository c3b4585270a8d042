import type { SubjectResult, WorkloadResult } from "./report.js";
import type { SubjectName } from "./subject.js";
import type { WorkloadName } from "./workloads.js";

/** On these workloads `@qwenkit/provider` takes at most 1/n of the openai SDK's stream time. */
const MIN_SPEEDUP_OVER_OPENAI: Readonly<Partial<Record<WorkloadName, number>>> = { "long-stream": 2 };

/** The targets, as numbers (this round's, and the first round's that still hold). */
export const TARGETS = {
  /** `@qwenkit/provider` time over the parse floor's (fetch, split, `JSON.parse` of every frame), per workload, on every transport. */
  maxRatioToParseFloor: {
    "long-stream": 1.25,
    "short-requests": 1.3,
    "tool-call": 1.4,
  } satisfies Record<WorkloadName, number>,
  minSpeedupOverOpenai: MIN_SPEEDUP_OVER_OPENAI,
  /** `@qwenkit/provider` time over the raw `openai` SDK's, on every workload. */
  maxRatioToOpenai: 1.15,
  /** RSS growth over a 1,000,000-chunk stream. */
  maxLongStreamGrowthMb: 25,
  longStreamChunks: 1_000_000,
  /** `await import("@qwenkit/core")` in a fresh process (median). */
  maxCoreImportMs: 15,
  /** Median `import("@qwenkit/provider")` minus median `import("openai")`, each in fresh processes. */
  maxProviderImportOverOpenaiMs: 10,
  /** Short streamed requests the standalone mock serves per second on loopback. */
  minMockRequestsPerSec: 2_000,
} as const;

/** Median import times of fresh processes, in ms. */
export interface ImportTimes {
  readonly core: number;
  readonly provider: number;
  readonly openai: number;
  /** The provider's import in a process that has imported `openai` already (shown, not a target). */
  readonly providerAfterOpenai: number;
}

/** The figures the targets are checked against. */
export interface TargetInputs {
  readonly workloads: readonly WorkloadResult[];
  readonly longStreamGrowthMb: number;
  readonly importMs: ImportTimes;
  readonly mockRequestsPerSec: number;
}

/** One target, checked. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

function resultOf(workload: WorkloadResult, subject: SubjectName): SubjectResult {
  const result = workload.subjects.find((candidate) => candidate.name === subject);
  if (result === undefined) throw new Error(`${subject} was not measured on ${workload.name}`);
  return result;
}

function workloadChecks(workload: WorkloadResult): TargetCheck[] {
  const provider = resultOf(workload, "@qwenkit/provider");
  const openai = resultOf(workload, "openai").ms;
  const aiSdk = resultOf(workload, "@ai-sdk/alibaba").ms;
  const maxToFloor = TARGETS.maxRatioToParseFloor[workload.workload];
  const checks: TargetCheck[] = [
    {
      target: `${workload.name}: @qwenkit/provider ≤ ${maxToFloor}× parse floor`,
      measured: `${fixed(provider.ratioToParseFloor, 3)}× (${fixed(provider.ratioToSplitFloor, 2)}× split floor)`,
      met: provider.ratioToParseFloor <= maxToFloor,
    },
  ];
  const speedup = TARGETS.minSpeedupOverOpenai[workload.workload];
  if (speedup !== undefined) {
    checks.push({
      target: `${workload.name}: @qwenkit/provider ≥ ${speedup}× faster than openai`,
      measured: `${fixed(openai / provider.ms, 2)}× faster`,
      met: openai / provider.ms >= speedup,
    });
  }
  checks.push(
    {
      target: `${workload.name}: @qwenkit/provider ≤ ${TARGETS.maxRatioToOpenai}× openai`,
      measured: `${fixed(provider.ms / openai, 3)}×`,
      met: provider.ms / openai <= TARGETS.maxRatioToOpenai,
    },
    {
      target: `${workload.name}: @qwenkit/provider faster than @ai-sdk/alibaba`,
      measured: `${fixed(provider.ms, 0)} ms vs ${fixed(aiSdk, 0)} ms (${fixed(aiSdk / provider.ms, 1)}× faster)`,
      met: provider.ms < aiSdk,
    },
  );
  return checks;
}

/** Checks every target: per workload for the comparisons, once for the rest. */
export function checkTargets(inputs: TargetInputs): TargetCheck[] {
  const overOpenai = inputs.importMs.provider - inputs.importMs.openai;
  return [
    ...inputs.workloads.flatMap(workloadChecks),
    {
      target: `RSS growth over a ${TARGETS.longStreamChunks.toLocaleString("en-US")}-chunk stream ≤ ${TARGETS.maxLongStreamGrowthMb} MB`,
      measured: `${fixed(inputs.longStreamGrowthMb, 1)} MB`,
      met: inputs.longStreamGrowthMb <= TARGETS.maxLongStreamGrowthMb,
    },
    {
      target: `@qwenkit/provider import ≤ openai import + ${TARGETS.maxProviderImportOverOpenaiMs} ms`,
      measured: `${fixed(inputs.importMs.provider, 1)} ms vs ${fixed(inputs.importMs.openai, 1)} ms (${overOpenai >= 0 ? "+" : ""}${fixed(overOpenai, 1)} ms; ${fixed(inputs.importMs.providerAfterOpenai, 1)} ms after openai in one process)`,
      met: overOpenai <= TARGETS.maxProviderImportOverOpenaiMs,
    },
    {
      target: `@qwenkit/core import < ${TARGETS.maxCoreImportMs} ms`,
      measured: `${fixed(inputs.importMs.core, 2)} ms`,
      met: inputs.importMs.core < TARGETS.maxCoreImportMs,
    },
    {
      target: `standalone mock ≥ ${TARGETS.minMockRequestsPerSec.toLocaleString("en-US")} short streamed requests/s`,
      measured: `${fixed(inputs.mockRequestsPerSec, 0)} requests/s`,
      met: inputs.mockRequestsPerSec >= TARGETS.minMockRequestsPerSec,
    },
  ];
}
