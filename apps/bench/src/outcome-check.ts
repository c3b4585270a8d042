import type { StreamOutcome } from "./subject.js";
import { deltasPerResponse, outputTokensPerResponse, type StreamShape } from "./workloads.js";

/**
 * Throws unless `outcome` is what a complete read of a response of `shape` gives: every delta
 * (when the subject counts them) and the usage frame's completion tokens. A subject that skipped
 * work would otherwise look fast.
 */
export function checkOutcome(subject: string, shape: StreamShape, outcome: StreamOutcome): void {
  const deltas = deltasPerResponse(shape);
  if (outcome.deltas !== undefined && outcome.deltas !== deltas) {
    throw new Error(`${subject}: ${outcome.deltas} deltas delivered, the response had ${deltas}`);
  }
  const tokens = outputTokensPerResponse(shape);
  if (outcome.outputTokens !== tokens) {
    throw new Error(
      `${subject}: usage says ${String(outcome.outputTokens)} output tokens, expected ${tokens}`,
    );
  }
}
