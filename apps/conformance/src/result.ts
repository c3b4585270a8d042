import type { HostId } from "./hosts.js";

/** Outcome of one host × feature cell. */
export type CellStatus = "pass" | "fail" | "skip";

/** One cell of the matrix, as it appears in the JSON report. */
export interface CellResult {
  readonly host: HostId;
  readonly feature: string;
  readonly status: CellStatus;
  readonly ms: number;
  readonly detail: string;
}

/** What a run targeted. */
export type TargetKind = "mock" | "live" | "base-url";

/** The whole run, as written by `--json`. */
export interface ConformanceReport {
  readonly target: TargetKind;
  readonly results: readonly CellResult[];
}

/** Thrown by a feature check to mark its cell skipped rather than failed. */
export class SkipCell extends Error {
  override readonly name = "SkipCell";
}

/** Counts by status. */
export function summarize(results: readonly CellResult[]): Record<CellStatus, number> {
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
