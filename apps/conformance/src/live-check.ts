import { CLI_ENV } from "./args.js";
import type { ConformanceRun } from "./suite.js";

/** What a live run's coverage means for the user and the exit code. */
export interface LiveRunCheck {
  /** Lines for stderr; empty when every selected host ran (or the run was not live). */
  readonly lines: readonly string[];
  /** The run must exit 1: `--require-live` and a selected host did not run. */
  readonly fail: boolean;
}

/**
 * Checks that a live run ran: a run whose hosts all lacked opt-in or keys sent no request, and
 * says so loudly, since its table (every cell skipped, nothing failed) would otherwise pass a CI
 * job; with `requireLive` any host that did not run fails the run.
 */
export function checkLiveRun(run: ConformanceRun, requireLive: boolean): LiveRunCheck {
  if (run.target !== "live" || run.notRun.length === 0) return { lines: [], fail: false };
  const reasons = run.notRun.map(({ host, reason }) => `  ${host}: ${reason}`);
  const ranNothing = run.notRun.length === run.hosts.length;
  const verdict = requireLive
    ? "--require-live: failing the run (exit 1)."
    : `Pass --require-live (or set ${CLI_ENV.requireLive}=1) to make this fail.`;
  if (ranNothing) {
    return {
      lines: [
        "",
        `!!! LIVE RUN SENT NOTHING: none of the ${run.hosts.length} selected hosts ran; every cell was skipped. !!!`,
        ...(run.notice === undefined ? [] : [`!!! ${run.notice}`]),
        ...reasons,
        `!!! ${verdict}`,
      ],
      fail: requireLive,
    };
  }
  return {
    lines: [
      "",
      `warning: live run: ${run.notRun.length} of ${run.hosts.length} selected hosts did not run:`,
      ...reasons,
      requireLive
        ? verdict
        : `Pass --require-live to fail on this, or --host to select only the hosts you have keys for.`,
    ],
    fail: requireLive,
  };
}
