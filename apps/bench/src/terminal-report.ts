import type { WorkloadResult } from "./report.js";
import { formatTable } from "./table.js";
import type { TargetCheck } from "./targets.js";

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One workload's table: time, rate, ratios to both floors and peak RSS of every subject. */
export function formatWorkload(result: WorkloadResult): string {
  const rows = result.subjects.map((subject) => [
    subject.name,
    number(subject.ms, 1),
    number(subject.chunksPerSec),
    `${number(subject.ratioToSplitFloor, 2)}×`,
    `${number(subject.ratioToParseFloor, 2)}×`,
    number(subject.peakRssMb, 1),
    String(subject.runsMs.length),
  ]);
  return [
    `${result.name} — ${result.title} (${number(result.chunks)} chunks a run)`,
    formatTable(
      ["subject", "ms", "chunks/s", "vs split floor", "vs parse floor", "peak RSS MB", "runs"],
      rows,
      ["left", "right", "right", "right", "right", "right", "right"],
    ),
  ].join("\n");
}

/** The targets, one line each. */
export function formatChecks(checks: readonly TargetCheck[]): string {
  return formatTable(
    ["", "target", "measured"],
    checks.map((check) => [check.met ? "met" : "MISSED", check.target, check.measured]),
    ["left", "left", "left"],
  );
}
