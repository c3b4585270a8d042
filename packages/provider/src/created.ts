/**
 * The `created` of a completion or chunk as the result's `created`: DashScope dates every
 * response in whole Unix seconds. Anything else the server sends (a string, a fraction, a
 * negative or non-finite number) is not a date and is dropped rather than guessed at.
 */
export function unixSeconds(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}
