/**
 * Child process: how long `await import(MODULE)` takes in a fresh process (resolution, loading
 * and evaluation), for one of {@link IMPORTED_MODULES}. Usage: `node import-time.js MODULE`.
 */
import { performance } from "node:perf_hooks";
import { sendResult } from "../child-protocol.js";
import { IMPORTED_MODULES, isImportedModule } from "./imported-modules.js";

export interface ImportTimeResult {
  readonly ms: number;
}

const name = process.argv[2] ?? "";
if (!isImportedModule(name)) {
  throw new RangeError(`import-time: one of ${Object.keys(IMPORTED_MODULES).join(", ")}, not '${name}'`);
}
const started = performance.now();
const imported = (await import(name)) as Record<string, unknown>;
const ms = performance.now() - started;
if (imported[IMPORTED_MODULES[name]] === undefined) {
  throw new Error(`${name} has no export ${IMPORTED_MODULES[name]}`);
}
sendResult({ ms } satisfies ImportTimeResult);
