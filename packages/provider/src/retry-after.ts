/** RFC 9110 delay-seconds: digits only (no sign, fraction, exponent or hex). */
const DELAY_SECONDS = /^\d+$/;
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
/**
 * The three HTTP-date forms (RFC 9110 section 5.6.7), each with what makes `Date.parse` read it
 * as GMT: IMF-fixdate, the obsolete RFC 850 form, and asctime (which names no zone).
 */
const HTTP_DATE: readonly { readonly form: RegExp; readonly zone: string }[] = [
  { form: new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), zone: "" },
  {
    form: new RegExp(
      `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`,
    ),
    zone: "",
  },
  { form: new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`), zone: " GMT" },
];
/** `retry-after-ms` (an OpenAI extension): a non-negative decimal number of milliseconds. */
const DELAY_MILLISECONDS = /^\d+(?:\.\d+)?$/;

/**
 * How long the server asked the client to wait, in milliseconds: `retry-after-ms`, else
 * `retry-after` as delay-seconds (digits only, RFC 9110 section 10.2.3) or as an HTTP-date.
 * `undefined` when absent or unreadable: `0x2`, `1e2`, `-1`, `1.5` or `Infinity` are not
 * delay-seconds, and a date must be one of the three HTTP-date forms (an ISO date is not one).
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const millis = headers.get("retry-after-ms")?.trim();
  if (millis !== undefined && DELAY_MILLISECONDS.test(millis)) {
    const value = Number(millis);
    if (Number.isFinite(value)) return value;
  }
  const after = headers.get("retry-after")?.trim();
  if (after === undefined || after === "") return undefined;
  if (DELAY_SECONDS.test(after)) {
    const seconds = Number(after);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  const form = HTTP_DATE.find((candidate) => candidate.form.test(after));
  if (form === undefined) return undefined;
  const date = Date.parse(`${after}${form.zone}`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
