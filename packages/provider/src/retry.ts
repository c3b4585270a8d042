import type { QwenApiError } from "./errors/qwen-api-error.js";
import { checkMilliseconds, checkRetryCount } from "./option-checks.js";

/** Backoff between retries. */
export interface QwenRetryDelays {
  /** Delay before the first retry when the server gave no `retry-after`; doubles per retry. Default 500. */
  readonly initialDelayMs?: number;
  /** Upper bound of the computed backoff. Default 8000. */
  readonly maxDelayMs?: number;
  /**
   * Longest `retry-after` qwenkit waits for; a longer one is not retried (the error, with its
   * `retryAfterMs`, goes to the caller). Default 60000.
   */
  readonly maxRetryAfterMs?: number;
}

/** A resolved retry policy. */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

/** Defaults: two retries, 0.5 s doubling up to 8 s, `retry-after` honoured up to 60 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Builds a policy from options.
 *
 * @throws `QwenConfigError` (kind `invalid-option`) for a negative or fractional retry count, or
 * a delay that is negative, not finite, or above 2^31 − 1 ms (the longest a timer can wait)
 */
export function retryPolicy(maxRetries: number | undefined, delays: QwenRetryDelays = {}): RetryPolicy {
  const policy: RetryPolicy = {
    maxRetries: maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    initialDelayMs: delays.initialDelayMs ?? DEFAULT_RETRY_POLICY.initialDelayMs,
    maxDelayMs: delays.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxRetryAfterMs: delays.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
  };
  checkRetryCount(policy.maxRetries, "maxRetries");
  // Every wait is at most one of these (a longer retry-after is not waited for), so none overflows a timer.
  for (const key of ["initialDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    checkMilliseconds(policy[key], `retryDelays.${key}`, { zero: true });
  }
  return policy;
}

/**
 * The wait before retry number `retry` (0-based) after `error`, or `undefined` when the error
 * must not be retried: not retryable, out of retries, or a `retry-after` beyond the policy's limit.
 * The computed backoff has jitter in its upper half (`random` is injectable for tests).
 */
export function retryDelayMs(
  error: QwenApiError,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (!error.retryable || retry >= policy.maxRetries) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  const backoff = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry);
  return backoff / 2 + (backoff / 2) * random();
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
