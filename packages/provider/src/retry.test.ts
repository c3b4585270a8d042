import { describe, expect, it } from "vitest";
import { localError } from "./errors/local-error.js";
import { QwenApiError } from "./errors/qwen-api-error.js";
import { DEFAULT_RETRY_POLICY, retryDelayMs, retryPolicy, sleep } from "./retry.js";
import { retryAfterMs } from "./retry-after.js";

const policy = retryPolicy(3, { initialDelayMs: 100, maxDelayMs: 250, maxRetryAfterMs: 1_000 });
const retryable = localError("server-error");
const withRetryAfter = (ms: number) =>
  new QwenApiError({ kind: "rate-limit", message: "m", hint: "h", retryable: true, retryAfterMs: ms });

describe("retryDelayMs", () => {
  it("never retries a non-retryable error", () => {
    expect(retryDelayMs(localError("invalid-api-key"), 0, policy)).toBeUndefined();
  });

  it("stops after maxRetries", () => {
    expect(retryDelayMs(retryable, 2, policy)).toBeDefined();
    expect(retryDelayMs(retryable, 3, policy)).toBeUndefined();
  });

  it("backs off exponentially with jitter in the upper half, capped at maxDelayMs", () => {
    expect([0, 1, 2].map((retry) => retryDelayMs(retryable, retry, policy, () => 0))).toEqual([50, 100, 125]);
    expect([0, 1, 2].map((retry) => retryDelayMs(retryable, retry, policy, () => 1))).toEqual([
      100, 200, 250,
    ]);
  });

  it("waits what retry-after says, and gives up when it is longer than maxRetryAfterMs", () => {
    expect(retryDelayMs(withRetryAfter(700), 0, policy)).toBe(700);
    expect(retryDelayMs(withRetryAfter(5_000), 0, policy)).toBeUndefined();
  });
});

describe("retryPolicy", () => {
  it("defaults to two retries", () => {
    expect(retryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
  });

  it.each([-1, 1.5, Number.NaN])("rejects maxRetries %s", (value) => {
    expect(() => retryPolicy(value)).toThrow(/maxRetries must be a non-negative integer/);
  });

  it("rejects a negative delay", () => {
    expect(() => retryPolicy(1, { initialDelayMs: -1 })).toThrow(/initialDelayMs/);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-03-02T00:00:00Z");
  it.each([
    [{ "retry-after": "2" }, 2_000],
    [{ "retry-after": "0.5" }, undefined],
    [{ "retry-after-ms": "40", "retry-after": "2" }, 40],
    [{ "retry-after": "Mon, 02 Mar 2026 00:00:03 GMT" }, 3_000],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after": "-1" }, undefined],
    [{}, undefined],
  ])("reads %o as %s ms", (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("resolves after the delay", async () => {
    const started = performance.now();
    await sleep(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4);
  });
});
