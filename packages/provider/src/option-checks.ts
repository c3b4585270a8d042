import { QwenConfigError } from "@qwenkit/core";
import { LIMITS } from "./limits.js";

/**
 * Checks of `createQwenProvider`'s and the per-call options. They fail with core's
 * `QwenConfigError` (kind `invalid-option`), like every other configuration mistake.
 */

const invalid = (message: string, hint: string) => new QwenConfigError("invalid-option", message, hint);

/**
 * A wait in milliseconds that a timer can honour: Node.js fires a timer of more than 2^31 − 1 ms
 * (about 24.8 days) at once, so a longer `timeout` would fail every call immediately. Rejected
 * rather than clamped: a value that large is a unit mistake (seconds × 1000 twice), not an intent.
 */
export function checkMilliseconds(
  value: number | undefined,
  name: string,
  options: { readonly zero: boolean },
): void {
  if (value === undefined) return;
  const lowest = options.zero ? 0 : Number.MIN_VALUE;
  if (typeof value !== "number" || !Number.isFinite(value) || value < lowest || value > LIMITS.timerMs) {
    throw invalid(
      `${name} must be ${options.zero ? "a non-negative" : "a positive"} number of milliseconds up to ${LIMITS.timerMs} (about 24.8 days), got ${String(value)}.`,
      `Pass ${name} in milliseconds, e.g. 60000 for a minute; for no deadline leave it out and use an AbortSignal.`,
    );
  }
}

/** A retry count: a non-negative integer. */
export function checkRetryCount(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw invalid(
      `${name} must be a non-negative integer, got ${String(value)}.`,
      `Pass ${name}: 0 to turn retries off.`,
    );
  }
}

/** The `fetch` option: a function when given (a non-function would fail every call as a network error). */
export function checkFetch(value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw invalid(
      `fetch must be a function, got ${value === null ? "null" : typeof value}.`,
      "Pass a fetch implementation (e.g. a proxy-aware fetch), or leave fetch out for the global one.",
    );
  }
}

/** The `shapeRequests` option. */
export function checkShapeRequests(value: unknown): void {
  if (value !== undefined && value !== "auto" && value !== "always") {
    throw invalid(
      `shapeRequests must be "auto" or "always", got ${String(value)}.`,
      'Leave shapeRequests out (auto), or pass "always" for a gateway in front of DashScope.',
    );
  }
}
