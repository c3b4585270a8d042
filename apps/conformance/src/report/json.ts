import type { ConformanceReport } from "../result.js";

/** The `--json` report: `{ "target", "results": [ { "host", "feature", "status", "ms", "detail" } ] }`. */
export function formatJson(report: ConformanceReport): string {
  return `${JSON.stringify(
    {
      target: report.target,
      results: report.results.map(({ host, feature, status, ms, detail }) => ({
        host,
        feature,
        status,
        ms,
        detail,
      })),
    },
    null,
    2,
  )}\n`;
}
