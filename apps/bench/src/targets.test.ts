import { describe, expect, it } from "vitest";
import type { SubjectResult, WorkloadResult } from "./report.js";
import type { SubjectName } from "./subject.js";
import { checkTargets, type TargetInputs } from "./targets.js";

const subject = (name: SubjectName, ms: number): SubjectResult => ({
  name,
  ms,
  chunksPerSec: 0,
  ratioToFloor: 0,
  peakRssMb: 0,
  runsMs: [ms],
});

const workload = (name: string, openai: number, provider: number, aiSdk: number): WorkloadResult => ({
  name,
  workload: "long-stream",
  transport: "loopback",
  title: "",
  chunks: 1,
  subjects: [
    subject("floor", 1),
    subject("openai", openai),
    subject("@qwenkit/provider", provider),
    subject("@ai-sdk/alibaba", aiSdk),
  ],
});

const passing: TargetInputs = {
  workloads: [workload("long-stream/loopback", 100, 115, 500)],
  longStreamGrowthMb: 10,
  coreImportMs: 5,
  mockRequestsPerSec: 2_000,
};

describe("checkTargets", () => {
  it("meets every target at the limits", () => {
    const checks = checkTargets(passing);
    expect(checks.map((check) => check.met)).toEqual([true, true, true, true, true]);
    expect(checks[0]).toEqual({
      target: "long-stream/loopback: @qwenkit/provider ≤ 1.15× openai",
      measured: "1.150×",
      met: true,
    });
  });

  it.each([
    ["slower than 1.15× openai", { workloads: [workload("w", 100, 116, 500)] }, 0],
    ["not faster than the AI SDK", { workloads: [workload("w", 100, 110, 110)] }, 1],
    ["50 MB of growth", { longStreamGrowthMb: 50 }, 2],
    ["a 15 ms import", { coreImportMs: 15 }, 3],
    ["a slow mock", { mockRequestsPerSec: 1_999 }, 4],
  ])("misses a target with %s", (_, change, missed) => {
    const checks = checkTargets({ ...passing, ...change });
    expect(checks.map((check) => check.met)).toEqual([0, 1, 2, 3, 4].map((index) => index !== missed));
  });

  it("checks the comparisons on every workload", () => {
    const checks = checkTargets({
      ...passing,
      workloads: [workload("a", 1, 1, 2), workload("b", 1, 1, 2)],
    });
    expect(checks.map((check) => check.target.split(":")[0])).toEqual([
      "a",
      "a",
      "b",
      "b",
      "RSS growth over a 1,000,000-chunk stream < 50 MB",
      "@qwenkit/core import < 15 ms",
      "standalone mock ≥ 2,000 short streamed requests/s",
    ]);
  });
});
