/**
 * The quota windows of the subscription plans, keyed by qwenkit's name: the word DashScope's
 * message uses (`hour allocated quota exceeded`) and when the window resets.
 */
export const QUOTA_WINDOWS = {
  "5-hour": { word: "hour", resets: "the rolling 5-hour window" },
  week: { word: "week", resets: "the weekly window (resets Monday 00:00 UTC+8)" },
  month: { word: "month", resets: "the monthly window" },
} as const satisfies Readonly<Record<string, { readonly word: string; readonly resets: string }>>;

/** The subscription quota window that ran out: the rolling 5 hours, the week (from Monday 00:00 UTC+8), or the month. */
export type QuotaWindow = keyof typeof QUOTA_WINDOWS;

const WINDOW_IDS = Object.keys(QUOTA_WINDOWS) as readonly QuotaWindow[];

/** DashScope's message when a subscription window ran out, e.g. `week allocated quota exceeded`. */
export const QUOTA_MESSAGE = new RegExp(
  `\\b(${WINDOW_IDS.map((id) => QUOTA_WINDOWS[id].word).join("|")}) allocated quota exceeded`,
  "i",
);

/** The window a {@link QUOTA_MESSAGE} names, if any. */
export function quotaWindowOf(message: string | undefined): QuotaWindow | undefined {
  const word = message?.match(QUOTA_MESSAGE)?.[1]?.toLowerCase();
  return WINDOW_IDS.find((id) => QUOTA_WINDOWS[id].word === word);
}
