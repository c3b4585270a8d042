import { median } from "./stats.js";
import type { FloorName, SubjectName } from "./subject.js";
import { deltasPerResponse, type Transport, type Workload, type WorkloadName } from "./workloads.js";

/** One subject's figures on one workload (the medians of its runs). */
export interface SubjectResult {
  readonly name: SubjectName;
  /** Median wall time of a run. */
  readonly ms: number;
  /** Deltas (content chunks or tool-call fragments) delivered per second. */
  readonly chunksPerSec: number;
  /** `ms` over the split floor's `ms` on the same workload (fetch and line split only). */
  readonly ratioToSplitFloor: number;
  /** `ms` over the parse floor's `ms` on the same workload (also `JSON.parse` of every frame). */
  readonly ratioToParseFloor: number;
  /** Peak resident set of the subject's process. */
  readonly peakRssMb: number;
  /** Every measured run, for the spread behind the median. */
  readonly runsMs: readonly number[];
}

/** One workload over one transport, every subject on it. */
export interface WorkloadResult {
  /** `<workload>/<transport>`, e.g. `long-stream/loopback`. */
  readonly name: string;
  readonly workload: WorkloadName;
  readonly transport: Transport;
  readonly title: string;
  /** Deltas one run delivers (requests × deltas per response). */
  readonly chunks: number;
  readonly subjects: readonly SubjectResult[];
}

/** What one subject's process measured. */
export interface Measurement {
  readonly subject: SubjectName;
  readonly runsMs: readonly number[];
  readonly peakRssMb: number;
}

/** The median of each subject's runs, and its rates and ratios; both floors must be among them. */
export function summarizeWorkload(
  workload: Workload,
  transport: Transport,
  measurements: readonly Measurement[],
): WorkloadResult {
  const name = `${workload.name}/${transport}`;
  const chunks = workload.requests * deltasPerResponse(workload.shape);
  const floorMs = (floor: FloorName) => {
    const measured = measurements.find((measurement) => measurement.subject === floor);
    if (measured === undefined) throw new Error(`no ${floor} measured on ${name}`);
    return median(measured.runsMs);
  };
  const splitFloorMs = floorMs("split floor");
  const parseFloorMs = floorMs("parse floor");
  return {
    name,
    workload: workload.name,
    transport,
    title: workload.title,
    chunks,
    subjects: measurements.map((measurement) => {
      const ms = median(measurement.runsMs);
      return {
        name: measurement.subject,
        ms,
        chunksPerSec: chunks / (ms / 1000),
        ratioToSplitFloor: ms / splitFloorMs,
        ratioToParseFloor: ms / parseFloorMs,
        peakRssMb: measurement.peakRssMb,
        runsMs: measurement.runsMs,
      };
    }),
  };
}
