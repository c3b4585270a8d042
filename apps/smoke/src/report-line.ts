/** A runtime prints its report as one line starting with this, so other output cannot be mistaken for it. */
export const REPORT_PREFIX = "SMOKE_REPORT ";

/** A report (any JSON value) as the line a runtime prints. */
export function reportLine(report: unknown): string {
  return `${REPORT_PREFIX}${JSON.stringify(report)}`;
}

/** The report in a runtime's output (its last report line), or `undefined` when it printed none. */
export function readReport<T>(output: string): T | undefined {
  const line = output
    .split("\n")
    .map((text) => text.trim())
    .filter((text) => text.startsWith(REPORT_PREFIX))
    .at(-1);
  return line === undefined ? undefined : (JSON.parse(line.slice(REPORT_PREFIX.length)) as T);
}
