/**
 * Child process: how long `await import(MODULE)` takes in a fresh process (resolution, loading
 * and evaluation), for one of {@link IMPORT_PROBES}. Usage: `node import-time.js PROBE_ID`.
 */
import { performance } from "node:perf_hooks";
import { sendResult } from "../child-protocol.js";
import { IMPORT_PROBES, type ImportProbe, isImportProbeId } from "./import-probes.js";

export interface ImportTimeResult {
  readonly ms: number;
}

const id = process.argv[2] ?? "";
if (!isImportProbeId(id)) {
  throw new RangeError(`import-time: one of ${Object.keys(IMPORT_PROBES).join(", ")}, not '${id}'`);
}
const probe: ImportProbe = IMPORT_PROBES[id];
if (probe.after !== undefined) await import(probe.after);
const started = performance.now();
const imported = (await import(probe.module)) as Record<string, unknown>;
const ms = performance.now() - started;
if (imported[probe.export] === undefined) {
  throw new Error(`${probe.module} has no export ${probe.export}`);
}
sendResult({ ms } satisfies ImportTimeResult);
