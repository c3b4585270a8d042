/**
 * Repeats `run` until at least `minMs` has passed since the first run started (at least one
 * run; at most `maxRuns`), and resolves with the number of runs made.
 *
 * The measured runs of a workload must find the subject in its steady state. A fixed small
 * warm-up was not enough: a client's CPU per 1,000 short loopback requests kept falling for
 * ~9,000 requests (the floor's from 703 to 264 ms), so the first measured rounds caught every
 * subject mid-way, each to a different degree. Time, not a count, is what every subject gets
 * alike; the slow subjects simply make fewer runs in it.
 */
export async function repeatFor(
  minMs: number,
  run: () => Promise<void>,
  options: { readonly maxRuns?: number; readonly now?: () => number } = {},
): Promise<number> {
  if (!Number.isFinite(minMs) || minMs < 0) throw new RangeError(`minMs must be ≥ 0, got ${minMs}`);
  const { maxRuns = 1_000, now = () => performance.now() } = options;
  if (!Number.isInteger(maxRuns) || maxRuns < 1) {
    throw new RangeError(`maxRuns must be a whole number of at least 1, got ${maxRuns}`);
  }
  const started = now();
  let runs = 0;
  do {
    await run();
    runs += 1;
  } while (runs < maxRuns && now() - started < minMs);
  return runs;
}
