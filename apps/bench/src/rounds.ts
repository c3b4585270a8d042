import { median } from "./stats.js";

/**
 * How one workload's runs are scheduled. Every subject runs in the first `min` rounds. Extra
 * rounds, up to `max` in all, run while they have taken less than `extraBudgetMs`, and only
 * for the subjects whose median run is at most `extraSubjectMaxMs`: the floors, the provider
 * and the openai SDK, whose ratios the targets are about, get more runs (a steadier median on a
 * busy machine), while the AI SDK subjects, many times slower, would use the budget up at once.
 */
export const ROUNDS = { min: 3, max: 9, extraBudgetMs: 8_000, extraSubjectMaxMs: 2_000 } as const;

export type RoundPolicy = typeof ROUNDS;

/**
 * The indexes of the subjects that take part in round `round` (0-based), given each one's runs so
 * far and the time the extra rounds have taken; `[]` once the workload is done.
 */
export function roundParticipants(
  round: number,
  runsMs: readonly (readonly number[])[],
  extraMsSoFar: number,
  policy: RoundPolicy = ROUNDS,
): number[] {
  const all = runsMs.map((_, index) => index);
  if (round < policy.min) return all;
  if (round >= policy.max || extraMsSoFar >= policy.extraBudgetMs) return [];
  return all.filter((index) => {
    const runs = runsMs[index] ?? [];
    return runs.length > 0 && median(runs) <= policy.extraSubjectMaxMs;
  });
}
