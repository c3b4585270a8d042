import { describe, expect, it } from "vitest";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { assembledWhole, craftedBytes, UNICODE_STREAM } from "./test-utils/sse.js";

failOnUnhandledRejections();

// A stall would otherwise hang forever; every stream here must end well within this.
const LIMIT_MS = 5_000;

const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const expected = assembledWhole(UNICODE_STREAM);
// The role frame and two content frames ("杭州", "今天"), then silence on an open connection.
const head = craftedBytes({ text: UNICODE_STREAM.text.slice(0, 2), doneCount: 0 });

describe("a stream whose server stops sending but keeps the connection open", () => {
  it("before the first byte of the body (headers came, then nothing): kind timeout, retried, bounded", async () => {
    const fetch = scriptedFetch([
      { pieces: [], end: "stall" },
      { pieces: [], end: "stall" },
    ]);
    const stream = craftedProvider(fetch, { timeout: 100, maxRetries: 1 }).stream(request);
    const outcome = await runStream(stream, LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "timeout", retryable: true, partial: undefined });
    expect(outcome.error?.message).toContain("the stream sent nothing for 100 ms");
    expect(fetch.calls).toBe(2);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(190);
    expect(outcome.elapsedMs).toBeLessThan(1_500);
    expect(fetch.openBodies).toBe(0);
  });

  it("before the first byte once, then a prompt answer: retried, every event exactly once", async () => {
    const fetch = scriptedFetch([{ pieces: [], end: "stall" }, { pieces: [craftedBytes(UNICODE_STREAM)] }]);
    const outcome = await runStream(craftedProvider(fetch, { timeout: 100 }).stream(request), LIMIT_MS);
    expect(fetch.calls).toBe(2);
    expect(outcome.events).toEqual(expected.events);
    expect(outcome.result).toEqual(expected.result);
  });

  it("mid-way: kind timeout, the partial text kept, not retried (something was delivered)", async () => {
    const fetch = scriptedFetch([{ pieces: [head], end: "stall" }]);
    const stream = craftedProvider(fetch, { timeout: 100, maxRetries: 2 }).stream(request);
    const outcome = await runStream(stream, LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "timeout" });
    expect(outcome.error?.partial?.text).toBe("杭州今天");
    expect(fetch.calls).toBe(1);
    expect(outcome.elapsedMs).toBeLessThan(1_500);
    expect(fetch.openBodies).toBe(0);
  });

  it("mid-way, with the limit given per call: the call's timeout applies", async () => {
    const fetch = scriptedFetch([{ pieces: [head], end: "stall" }]);
    const stream = craftedProvider(fetch, { timeout: 60_000 }).stream(request, { timeout: 100 });
    const outcome = await runStream(stream, LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "timeout" });
    expect(outcome.error?.hint).toContain("100 ms");
    expect(outcome.elapsedMs).toBeLessThan(1_500);
  });

  it("a slow stream is not a stalled one: gaps shorter than the timeout never fail it", async () => {
    const bytes = craftedBytes(UNICODE_STREAM);
    const pieces = Array.from({ length: 8 }, (_, index) =>
      bytes.slice((index * bytes.length) / 8, ((index + 1) * bytes.length) / 8),
    );
    const fetch = scriptedFetch([{ pieces, gapMs: 60 }]);
    const outcome = await runStream(craftedProvider(fetch, { timeout: 150 }).stream(request), LIMIT_MS);
    expect(outcome.result).toEqual(expected.result);
    expect(outcome.elapsedMs).toBeGreaterThan(400);
  });

  it("after the usage frame without [DONE]: kind timeout, the partial holds everything (text, finish, usage)", async () => {
    const fetch = scriptedFetch([
      { pieces: [craftedBytes({ ...UNICODE_STREAM, doneCount: 0 })], end: "stall" },
    ]);
    const outcome = await runStream(craftedProvider(fetch, { timeout: 100 }).stream(request), LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "timeout" });
    expect(outcome.error?.partial).toEqual(expected.result);
    expect(fetch.calls).toBe(1);
    expect(outcome.elapsedMs).toBeLessThan(1_500);
  });

  it("aborted by the caller while stalled: kind aborted within the deadline, the partial text kept", async () => {
    const fetch = scriptedFetch([{ pieces: [head], end: "stall" }]);
    const stream = craftedProvider(fetch).stream(request, { signal: AbortSignal.timeout(100) });
    const outcome = await runStream(stream, LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "aborted", retryable: false });
    expect(outcome.error?.partial?.text).toBe("杭州今天");
    expect(outcome.elapsedMs).toBeLessThan(1_000);
    expect(fetch.calls).toBe(1);
    expect(fetch.openBodies).toBe(0);
  });
});
