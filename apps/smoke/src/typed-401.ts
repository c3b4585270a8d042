import type { SmokeReport } from "./scenario.ts";

/**
 * What every runtime must report for the key the mock refuses: a `QwenApiError` that passes both
 * `instanceof` and the brand check, of kind `invalid-api-key` with status 401, not retryable.
 */
export const TYPED_401: SmokeReport["unauthorized"] = {
  typed: true,
  branded: true,
  name: "QwenApiError",
  kind: "invalid-api-key",
  status: 401,
  retryable: false,
};
