import type { ConformanceHost } from "../hosts.js";
import { type CellResult, type CellStatus, summarize } from "../result.js";
import { plainText } from "./text.js";

const MARK: Record<CellStatus, string> = { pass: "pass", fail: "FAIL", skip: "skip" };

/** The matrix as a fixed-width terminal table: a row per feature, a column per host. */
export function formatTable(
  results: readonly CellResult[],
  hosts: readonly ConformanceHost[],
  features: readonly { readonly id: string; readonly title: string }[],
): string {
  const cell = (host: string, feature: string) => {
    const r = results.find((x) => x.host === host && x.feature === feature);
    return r ? `${MARK[r.status]} ${r.ms}ms` : "";
  };
  const header = ["feature", ...hosts.map((h) => h.id)];
  const rows = features.map((f) => [f.title, ...hosts.map((h) => cell(h.id, f.id))]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const counts = summarize(results);
  const failures = results
    .filter((r) => r.status === "fail")
    // A detail may carry a server's escape codes; they must not reach the terminal.
    .map((r) => `  FAIL ${r.host} / ${r.feature}: ${plainText(r.detail)}`);
  return [
    line(header),
    rule,
    ...rows.map(line),
    "",
    `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped`,
    ...failures,
  ].join("\n");
}
