/** Farther than this many edits, a typo is more likely another word than a slip of the finger. */
const MAX_EDITS = 2;

/** Options of {@link suggest}. */
export interface SuggestOptions {
  /**
   * Edits allowed after case is ignored (default and at most 2). `0` for ids where a near miss is
   * likely another real id (`qwen3.7-plus` is a model, not a typo of `qwen3.6-plus`).
   */
  readonly maxEdits?: number;
}

/**
 * Edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of two
 * neighbouring characters: the optimal string alignment distance), or `limit + 1` as soon as it is
 * known to exceed `limit`: bounded work whatever the input's length.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The known value `input` most likely meant, for a "did you mean" hint: one equal to it ignoring
 * case, else the closest within two edits, ignoring case (a swap of neighbours is one edit; short
 * inputs allow fewer, so `ab` does not suggest `qwen`); ties go to the earlier value in `known`.
 * `undefined` when nothing is close, and when `input` is itself known (nothing to correct).
 *
 * @example
 * suggest("minimax-m2.5", ["qwen3.5-plus", "MiniMax-M2.5"]); // "MiniMax-M2.5"
 * suggest("qwen-standart-api-key", AUTH_CHOICE_IDS); // "qwen-standard-api-key"
 */
export function suggest(
  input: string,
  known: Iterable<string>,
  options: SuggestOptions = {},
): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (wanted === "") return undefined;
  const limit = Math.max(
    0,
    Math.min(options.maxEdits ?? MAX_EDITS, MAX_EDITS, Math.floor(wanted.length / 3)),
  );
  let best: { readonly value: string; readonly distance: number } | undefined;
  for (const value of known) {
    if (value === input) return undefined;
    const distance = editDistance(wanted, value.toLowerCase(), limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { value, distance };
  }
  return best?.value;
}

/** ` Did you mean "<suggestion>"?` for a message, or `""` when {@link suggest} finds nothing. */
export function didYouMean(input: string, known: Iterable<string>, options: SuggestOptions = {}): string {
  const suggestion = suggest(input, known, options);
  return suggestion === undefined ? "" : ` Did you mean "${suggestion}"?`;
}
