import { describe, expect, it } from "vitest";
import type { SubjectResult, WorkloadResult } from "./report.js";
import type { SubjectName } from "./subject.js";
import { checkTargets, type TargetInputs } from "./targets.js";
import type { WorkloadName } from "./workloads.js";

const PARSE_FLOOR_MS = 100;
const SPLIT_FLOOR_MS = 50;

const subject = (name: SubjectName, ms: number): SubjectResult => ({
  name,
  ms,
  chunksPerSec: 0,
  ratioToSplitFloor: ms / SPLIT_FLOOR_MS,
  ratioToParseFloor: ms / PARSE_FLOOR_MS,
  peakRssMb: 0,
  runsMs: [ms],
});

/** One workload's figures: the provider's time, and the openai SDK's and the AI SDK's. */
const workload = (
  kind: WorkloadName,
  figures: { provider: number; openai: number; aiSdk: number },
): WorkloadResult => ({
  name: `${kind}/loopback`,
  workload: kind,
  transport: "loopback",
  title: "",
  chunks: 1,
  subjects: [
    subject("split floor", SPLIT_FLOOR_MS),
    subject("parse floor", PARSE_FLOOR_MS),
    subject("openai", figures.openai),
    subject("@qwenkit/provider", figures.provider),
    subject("@ai-sdk/alibaba", figures.aiSdk),
  ],
});

/** Every target met, each at its limit on one workload at least. */
const passing: TargetInputs = {
  workloads: [
    workload("long-stream", { provider: 125, openai: 250, aiSdk: 500 }),
    workload("short-requests", { provider: 115, openai: 100, aiSdk: 500 }),
    workload("tool-call", { provider: 140, openai: 200, aiSdk: 500 }),
  ],
  longStreamGrowthMb: 25,
  importMs: { core: 14.9, provider: 110, openai: 100, providerAfterOpenai: 11.5 },
  mockRequestsPerSec: 2_000,
};

const TARGET_NAMES = [
  "long-stream/loopback: @qwenkit/provider ≤ 1.25× parse floor",
  "long-stream/loopback: @qwenkit/provider ≥ 2× faster than openai",
  "long-stream/loopback: @qwenkit/provider ≤ 1.15× openai",
  "long-stream/loopback: @qwenkit/provider faster than @ai-sdk/alibaba",
  "short-requests/loopback: @qwenkit/provider ≤ 1.3× parse floor",
  "short-requests/loopback: @qwenkit/provider ≤ 1.15× openai",
  "short-requests/loopback: @qwenkit/provider faster than @ai-sdk/alibaba",
  "tool-call/loopback: @qwenkit/provider ≤ 1.4× parse floor",
  "tool-call/loopback: @qwenkit/provider ≤ 1.15× openai",
  "tool-call/loopback: @qwenkit/provider faster than @ai-sdk/alibaba",
  "RSS growth over a 1,000,000-chunk stream ≤ 25 MB",
  "@qwenkit/provider import ≤ openai import + 10 ms",
  "@qwenkit/core import < 15 ms",
  "standalone mock ≥ 2,000 short streamed requests/s",
];

const withWorkload = (index: number, changed: WorkloadResult): Partial<TargetInputs> => ({
  workloads: passing.workloads.map((original, at) => (at === index ? changed : original)),
});

describe("checkTargets", () => {
  it("meets every target at its limit, and names each", () => {
    const checks = checkTargets(passing);
    expect(checks.map((check) => check.target)).toEqual(TARGET_NAMES);
    expect(checks.filter((check) => !check.met)).toEqual([]);
  });

  it("shows both floor ratios, the speed-up and both import figures", () => {
    const measured = Object.fromEntries(checkTargets(passing).map((check) => [check.target, check.measured]));
    expect(measured[TARGET_NAMES[0] as string]).toBe("1.250× (2.50× split floor)");
    expect(measured[TARGET_NAMES[1] as string]).toBe("2.00× faster");
    expect(measured[TARGET_NAMES[11] as string]).toBe(
      "110.0 ms vs 100.0 ms (+10.0 ms; 11.5 ms after openai in one process)",
    );
  });

  it.each<[string, Partial<TargetInputs>, number]>([
    [
      "a long stream over 1.25× the parse floor",
      withWorkload(0, workload("long-stream", { provider: 126, openai: 400, aiSdk: 500 })),
      0,
    ],
    [
      "a long stream under 2× faster than openai",
      withWorkload(0, workload("long-stream", { provider: 125, openai: 249, aiSdk: 500 })),
      1,
    ],
    [
      "short requests over 1.3× the parse floor",
      withWorkload(1, workload("short-requests", { provider: 131, openai: 131, aiSdk: 500 })),
      4,
    ],
    [
      "short requests over 1.15× openai",
      withWorkload(1, workload("short-requests", { provider: 116, openai: 100, aiSdk: 500 })),
      5,
    ],
    [
      "a tool call not faster than the AI SDK",
      withWorkload(2, workload("tool-call", { provider: 140, openai: 200, aiSdk: 140 })),
      9,
    ],
    [
      "a tool call over 1.4× the parse floor",
      withWorkload(2, workload("tool-call", { provider: 141, openai: 200, aiSdk: 500 })),
      7,
    ],
    ["25.1 MB of growth", { longStreamGrowthMb: 25.1 }, 10],
    [
      "a provider import 10.1 ms over openai's",
      { importMs: { core: 1, provider: 110.1, openai: 100, providerAfterOpenai: 9 } },
      11,
    ],
    [
      "a 15 ms core import",
      { importMs: { core: 15, provider: 100, openai: 100, providerAfterOpenai: 9 } },
      12,
    ],
    ["a slow mock", { mockRequestsPerSec: 1_999 }, 13],
  ])("misses exactly one target with %s", (_, change, missed) => {
    const checks = checkTargets({ ...passing, ...change });
    expect(checks.flatMap((check, index) => (check.met ? [] : [index]))).toEqual([missed]);
  });

  it("checks every workload it is given, on every transport", () => {
    const inProcess = { ...(passing.workloads[2] as WorkloadResult), name: "tool-call/in-process" };
    const checks = checkTargets({ ...passing, workloads: [...passing.workloads, inProcess] });
    expect(checks.map((check) => check.target)).toContain(
      "tool-call/in-process: @qwenkit/provider ≤ 1.4× parse floor",
    );
    expect(checks).toHaveLength(TARGET_NAMES.length + 3);
  });
});
