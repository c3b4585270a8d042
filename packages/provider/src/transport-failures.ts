import { describeSize, LIMITS } from "./limits.js";

/**
 * Failures qwenkit's own HTTP layer detects below the openai SDK (a body past a limit, a redirect
 * it will not follow, a body that cannot be decoded). They carry facts, not hints: `toQwenApiError`
 * turns each into a `QwenApiError` of its kind with the call's context. Their messages never name
 * a timeout, so the SDK does not mistake them for one.
 */
export type TransportFailure = ResponseTooLarge | RedirectRefused | BodyUndecodable;

/** What each size limit bounds, for messages. */
const BOUNDED = {
  sseLineLength: "an SSE line",
  sseRecordLength: "an SSE event's data",
  jsonBodyBytes: "the response body",
} as const;

/** A response passed one of the size {@link LIMITS}. */
export class ResponseTooLarge extends Error {
  override readonly name = "ResponseTooLarge";
  readonly limit: keyof typeof BOUNDED;
  readonly status: number | undefined;

  constructor(limit: keyof typeof BOUNDED, status?: number) {
    super(
      `The server sent ${BOUNDED[limit]} longer than ${describeSize(LIMITS[limit])}; qwenkit stopped reading.`,
    );
    this.limit = limit;
    this.status = status;
  }
}

/** Why a redirect was not followed. */
const REDIRECT_REASONS = {
  "other-origin": "qwenkit does not follow a redirect to another origin (the request would go there)",
  "method-change": "qwenkit follows only 307 and 308 (same origin), which repeat the request as sent",
  "too-many": `qwenkit follows at most ${LIMITS.redirects} redirects`,
  "no-location": "the redirect has no usable location",
  "unsendable-body": "the request body is a stream and cannot be sent again",
} as const;

/** The endpoint answered with a redirect qwenkit does not follow. */
export class RedirectRefused extends Error {
  override readonly name = "RedirectRefused";
  /** The redirect's status; `undefined` for a browser's opaque redirect. */
  readonly status: number | undefined;
  /** The origin the redirect points to (`https://host:port`), or `undefined` when it had no usable `location`. */
  readonly targetOrigin: string | undefined;
  readonly reason: keyof typeof REDIRECT_REASONS;

  constructor(
    status: number | undefined,
    targetOrigin: string | undefined,
    reason: keyof typeof REDIRECT_REASONS,
  ) {
    super(
      `The endpoint answered ${status ?? "a redirect"}${targetOrigin === undefined ? "" : ` redirecting to ${targetOrigin}`}; ${REDIRECT_REASONS[reason]}.`,
    );
    this.status = status;
    this.targetOrigin = targetOrigin;
    this.reason = reason;
  }
}

/** The response body arrived but could not be decoded (a corrupt gzip, deflate or brotli body). */
export class BodyUndecodable extends Error {
  override readonly name = "BodyUndecodable";
  readonly status: number;

  constructor(status: number, cause: unknown) {
    super(`The response body could not be decoded: ${decodeReason(cause)}.`, { cause });
    this.status = status;
  }
}

/** The decompressor's own words (undici reports `TypeError: terminated` with the zlib error as cause). */
function decodeReason(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  return inner instanceof Error ? inner.message : "unreadable body";
}

/** Whether `error` or one of its first causes (4 errors in all) has a `code` that passes `test`. */
function hasCode(error: unknown, test: (code: unknown) => boolean): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if (test((current as { code?: unknown }).code)) return true;
    current = current.cause;
  }
  return false;
}

/** Whether `error` is a body decoding failure (zlib / brotli) rather than a broken connection. */
export const isDecodingError = (error: unknown): boolean =>
  hasCode(error, (code) => typeof code === "string" && /^(?:Z_|ERR_BROTLI|ERR_ZLIB)/.test(code));

/**
 * Whether `error` (or a cause up its chain) is the runtime's refusal of response headers above
 * its limit (undici's `UND_ERR_HEADERS_OVERFLOW`; Node reads 16 KiB by default): a response, not
 * a dropped connection.
 */
export const isHeadersOverflow = (error: unknown): boolean =>
  hasCode(error, (code) => code === "UND_ERR_HEADERS_OVERFLOW");
