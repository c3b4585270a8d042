/**
 * Child process: how long `await import("@qwenkit/core")` takes in a fresh process (resolution,
 * loading and evaluation). Usage: `node core-import.js`.
 */
import { performance } from "node:perf_hooks";
import { sendResult } from "../child-protocol.js";

export interface CoreImportResult {
  readonly ms: number;
}

const started = performance.now();
const core = await import("@qwenkit/core");
const ms = performance.now() - started;
if (typeof core.resolveQwenConfig !== "function") throw new Error("@qwenkit/core has no resolveQwenConfig");
sendResult({ ms } satisfies CoreImportResult);
