import { QwenConfigError } from "@qwenkit/core";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import { retryAfterMs } from "../retry-after.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { craftedBytes } from "./test-utils/sse.js";

failOnUnhandledRejections();

const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const OK = { pieces: [craftedBytes({ text: ["Hi"], finishReason: "stop" })] };
const rateLimited = (retryAfter: string) => ({
  status: 429,
  headers: { "content-type": "application/json", "retry-after": retryAfter },
  pieces: [new TextEncoder().encode('{"error":{"code":"limit_requests","message":"slow down"}}')],
});

describe("waits longer than a timer can hold (2^31 − 1 ms)", () => {
  const tooLong = LIMITS.timerMs + 1;
  const noFetch = scriptedFetch([]);

  it.each([
    ["timeout", () => craftedProvider(noFetch, { timeout: tooLong })],
    [
      "retryDelays.maxRetryAfterMs",
      () => craftedProvider(noFetch, { retryDelays: { maxRetryAfterMs: tooLong } }),
    ],
    [
      "retryDelays.maxDelayMs",
      () => craftedProvider(noFetch, { retryDelays: { maxDelayMs: Number.POSITIVE_INFINITY } }),
    ],
    [
      "retryDelays.initialDelayMs",
      () => craftedProvider(noFetch, { retryDelays: { initialDelayMs: tooLong } }),
    ],
    ["options.timeout of a call", () => craftedProvider(noFetch).stream(request, { timeout: tooLong })],
  ])("%s is refused with a QwenConfigError before any request", (name, make) => {
    expect(make).toThrow(QwenConfigError);
    expect(make).toThrow(
      new RegExp(`${name.replace("options.timeout of a call", "options.timeout")} must be`),
    );
    expect(noFetch.calls).toBe(0);
  });

  it("the longest allowed timeout still works (it does not fire at once)", async () => {
    const fetch = scriptedFetch([OK]);
    const outcome = await runStream(
      craftedProvider(fetch, { timeout: LIMITS.timerMs }).stream(request),
      5_000,
    );
    expect(outcome.result?.text).toBe("Hi");
  });
});

describe("retry-after is honoured only as delay-seconds (digits) or an HTTP-date", () => {
  const now = Date.parse("2026-03-02T00:00:00Z");

  it.each([
    ["2", 2_000],
    [" 7 ", 7_000],
    ["0", 0],
    ["Mon, 02 Mar 2026 00:00:03 GMT", 3_000],
    ["Monday, 02-Mar-26 00:00:05 GMT", 5_000],
    ["0x2", undefined],
    ["1e2", undefined],
    ["0.5", undefined],
    ["+3", undefined],
    ["-1", undefined],
    ["Infinity", undefined],
    ["Mon Mar  2 00:00:04 2026", 4_000],
    ["2026-03-02T00:00:05Z", undefined],
    ["", undefined],
  ])("retry-after %j → %s ms", (value, expected) => {
    expect(retryAfterMs(new Headers({ "retry-after": value }), now)).toBe(expected);
  });

  it.each(["0x2", "1e2"])(
    "a 429 with retry-after %s is retried after the backoff, not the number it spells",
    async (value) => {
      const fetch = scriptedFetch([rateLimited(value), OK]);
      const outcome = await runStream(craftedProvider(fetch, { maxRetries: 1 }).stream(request), 5_000);
      expect(outcome.result?.text).toBe("Hi");
      expect(fetch.calls).toBe(2);
      expect(outcome.elapsedMs).toBeLessThan(1_000);
    },
  );
});
