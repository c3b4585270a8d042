import { CONTROL_HEADERS, type MockFaultRule } from "@qwenkit/dashscope-mock";
import { beforeAll, describe, expect, it } from "vitest";
import type { QwenProviderOptions } from "../options.js";
import type { QwenChatResult } from "../result.js";
import {
  countOf,
  failOnUnhandledRejections,
  runStream,
  type StreamOutcome,
  textOf,
} from "./test-utils/outcome.js";
import { craftedProvider, loopbackProvider, withMockServer } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { assembledWhole, type CraftedStream, craftedBytes, cutAt, UNICODE_STREAM } from "./test-utils/sse.js";

failOnUnhandledRejections();

// Every stream below must end, one way or another, well within this (vitest's own limit is 20 s).
const LIMIT_MS = 5_000;

const request = { messages: [{ role: "user" as const, content: "Hello" }], thinking: { enabled: false } };
// Six content frames: role (0), content (1-6), finish (7), usage (8), [DONE].
const SIX_CHUNKS = { headers: { [CONTROL_HEADERS.chunks]: "6" } };

/** Fields of a result that must not depend on faults that were retried away. */
const content = (result: QwenChatResult | undefined) => ({
  text: result?.text,
  reasoning: result?.reasoning,
  toolCalls: result?.toolCalls,
  finishReason: result?.finishReason,
  usage: result?.usage,
});

function expectInterrupted(outcome: StreamOutcome, reference: { text: string }) {
  expect(outcome.result).toBeUndefined();
  expect(outcome.error?.partial?.text).toBe(textOf(outcome.events));
  expect(outcome.error?.partial?.text).not.toBe("");
  expect(reference.text.startsWith(outcome.error?.partial?.text ?? "-")).toBe(true);
  expect(outcome.error?.partial?.finishReason).toBeUndefined();
  expect(outcome.error?.partial?.usage).toBeUndefined();
}

describe("faults from the standalone mock on 127.0.0.1", () => {
  // The mock is deterministic: a request gives the same text and usage on every fresh server.
  let clean: StreamOutcome;
  beforeAll(async () => {
    clean = await withMockServer({}, (server) =>
      runStream(loopbackProvider(server).stream(request, SIX_CHUNKS), LIMIT_MS),
    );
    expect(clean.result?.usage?.outputTokens).toBe(6);
  });

  /** Streams the request through a fresh server with `faults`; returns the outcome and the request count. */
  async function streamWith(
    faults: readonly MockFaultRule[],
    options: QwenProviderOptions = {},
    onEvent?: Parameters<typeof runStream>[2],
  ) {
    return withMockServer({ faults }, async (server) => {
      const outcome = await runStream(
        loopbackProvider(server, options).stream(request, SIX_CHUNKS),
        LIMIT_MS,
        onEvent,
      );
      return { ...outcome, requests: server.recorder.requests.length };
    });
  }

  it("connection reset mid-stream: stream-interrupted, the partial text kept, not retried", async () => {
    const outcome = await streamWith([{ fault: { type: "drop-connection", afterChunks: 3 } }], {
      maxRetries: 3,
    });
    expect(outcome.error).toMatchObject({ kind: "stream-interrupted", retryable: true, status: undefined });
    expectInterrupted(outcome, clean.result ?? { text: "" });
    expect(countOf(outcome.events, "text")).toBe(2);
    expect(outcome.requests).toBe(1);
  });

  it("connection reset before anything was delivered: retried once, every event exactly once", async () => {
    // Frame 0 is the role frame, which carries no event.
    const outcome = await streamWith([{ fault: { type: "drop-connection", afterChunks: 1 }, times: 1 }]);
    expect(outcome.error).toBeUndefined();
    expect(outcome.requests).toBe(2);
    expect(outcome.events).toEqual(clean.events);
    expect(content(outcome.result)).toEqual(content(clean.result));
  });

  it("truncated JSON frame mid-stream: stream-interrupted, the partial text kept, not retried", async () => {
    const outcome = await streamWith([{ fault: { type: "truncated-frame", afterChunks: 3 } }]);
    expect(outcome.error).toMatchObject({ kind: "stream-interrupted", retryable: true });
    expectInterrupted(outcome, clean.result ?? { text: "" });
    expect(outcome.requests).toBe(1);
  });

  it("truncated first frame: nothing was delivered, so it is retried once, every event exactly once", async () => {
    const outcome = await streamWith([{ fault: { type: "truncated-frame", afterChunks: 0 }, times: 1 }]);
    expect(outcome.requests).toBe(2);
    expect(outcome.events).toEqual(clean.events);
    expect(content(outcome.result)).toEqual(content(clean.result));
  });

  it("missing [DONE]: the stream completes when the body ends, with text, finish and usage", async () => {
    const outcome = await streamWith([{ fault: { type: "missing-done" } }]);
    expect(outcome.events).toEqual(clean.events);
    expect(content(outcome.result)).toEqual(content(clean.result));
    expect(outcome.requests).toBe(1);
  });

  it("missing usage frame: usage is undefined (unknown, not zero), no usage event, not retried", async () => {
    const outcome = await streamWith([{ fault: { type: "missing-usage" } }]);
    expect(outcome.result?.usage).toBeUndefined();
    expect(countOf(outcome.events, "usage")).toBe(0);
    expect(outcome.result?.text).toBe(clean.result?.text);
    expect(outcome.result?.finishReason).toBe("stop");
    expect(outcome.requests).toBe(1);
  });

  it("duplicate [DONE]: one finish, one usage, the same events as a clean stream", async () => {
    const outcome = await streamWith([{ fault: { type: "duplicate-done" } }]);
    expect(outcome.events).toEqual(clean.events);
    expect(countOf(outcome.events, "finish")).toBe(1);
    expect(countOf(outcome.events, "usage")).toBe(1);
    expect(outcome.requests).toBe(1);
  });

  it("429 with retry-after: waits as told, then every event and the usage exactly once", async () => {
    const outcome = await streamWith([
      { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1 }, times: 1 },
    ]);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(950);
    expect(outcome.elapsedMs).toBeLessThan(LIMIT_MS);
    expect(outcome.requests).toBe(2);
    expect(outcome.events).toEqual(clean.events);
    expect(outcome.result?.usage).toEqual(clean.result?.usage);
  });

  it("429 on every attempt: rate-limit after maxRetries + 1 requests, nothing partial", async () => {
    const outcome = await streamWith(
      [{ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 } }],
      {
        maxRetries: 2,
      },
    );
    expect(outcome.error).toMatchObject({
      kind: "rate-limit",
      status: 429,
      retryAfterMs: 0,
      partial: undefined,
    });
    expect(outcome.events).toEqual([]);
    expect(outcome.requests).toBe(3);
  });

  it("500 then 503 then success: every event and the usage exactly once", async () => {
    const outcome = await streamWith([
      { fault: { type: "error", error: "internal-error" }, times: 1 },
      { fault: { type: "error", error: "model-unavailable", sseFramed: true }, times: 1 },
    ]);
    expect(outcome.requests).toBe(3);
    expect(outcome.events).toEqual(clean.events);
    expect(content(outcome.result)).toEqual(content(clean.result));
  });

  it("timeout before the first byte (headers late): kind timeout after maxRetries + 1 attempts, bounded", async () => {
    const outcome = await streamWith([{ fault: { type: "slow-first-byte", delayMs: 10_000 } }], {
      timeout: 100,
      maxRetries: 1,
    });
    expect(outcome.error).toMatchObject({ kind: "timeout", retryable: true, partial: undefined });
    expect(outcome.requests).toBe(2);
    expect(outcome.elapsedMs).toBeLessThan(2_000);
  });

  it("timeout before the first byte once, then a prompt answer: every event exactly once", async () => {
    const outcome = await streamWith([{ fault: { type: "slow-first-byte", delayMs: 10_000 }, times: 1 }], {
      timeout: 100,
    });
    expect(outcome.requests).toBe(2);
    expect(outcome.events).toEqual(clean.events);
  });

  it("abort mid-stream: kind aborted at once, the partial text kept, not retried", async () => {
    const controller = new AbortController();
    const outcome = await withMockServer(
      { faults: [{ fault: { type: "chunk-delay", delayMs: 20 } }] },
      async (server) => {
        const stream = loopbackProvider(server).stream(request, {
          signal: controller.signal,
          headers: { [CONTROL_HEADERS.chunks]: "200" },
        });
        const result = await runStream(stream, LIMIT_MS, (_, events) => {
          if (countOf(events, "text") === 3) controller.abort();
          return undefined;
        });
        return { ...result, requests: server.recorder.requests.length };
      },
    );
    expect(outcome.error).toMatchObject({ kind: "aborted", retryable: false });
    expect(outcome.error?.partial?.text.startsWith(textOf(outcome.events))).toBe(true);
    expect(countOf(outcome.events, "text")).toBe(3);
    expect(outcome.elapsedMs).toBeLessThan(2_000);
    expect(outcome.requests).toBe(1);
  });

  it("leaving the loop mid-stream: the result rejects as aborted with the partial, not retried", async () => {
    const outcome = await streamWith([{ fault: { type: "chunk-delay", delayMs: 20 } }], {}, (_, events) =>
      countOf(events, "text") === 2 ? "break" : undefined,
    );
    expect(outcome.error).toMatchObject({ kind: "aborted" });
    expect(outcome.error?.partial?.text).toBe(textOf(outcome.events));
    expect(outcome.requests).toBe(1);
  });

  it("a failed stream that nobody reads raises no unhandled rejection", async () => {
    await withMockServer(
      { faults: [{ fault: { type: "error", error: "internal-error" } }] },
      async (server) => {
        const stream = loopbackProvider(server, { maxRetries: 0 }).stream(request);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(server.recorder.requests).toHaveLength(1);
        await expect(stream.result).rejects.toMatchObject({ kind: "server-error" });
      },
    );
  });
});

describe("faults from crafted byte streams", () => {
  const bytes = craftedBytes(UNICODE_STREAM);
  const expected = assembledWhole(UNICODE_STREAM);

  it("a connection reset after every possible byte count: a retry is complete and single, else the partial is kept", async () => {
    const short: CraftedStream = { text: ["杭州", "🌧️ ok"], finishReason: "stop", usage: true };
    const bytes = craftedBytes(short);
    const expected = assembledWhole(short);
    let fetch = scriptedFetch([]);
    const qwen = craftedProvider((input, init) => fetch(input, init), { maxRetries: 1 });
    for (let sent = 0; sent < bytes.length; sent += 1) {
      fetch = scriptedFetch([{ pieces: [bytes.slice(0, sent)], end: "reset" }, { pieces: [bytes] }]);
      const outcome = await runStream(qwen.stream(request), LIMIT_MS);
      if (outcome.error === undefined) {
        // Nothing had reached the caller: the one retry delivered everything, once.
        expect(fetch.calls).toBe(2);
        expect(outcome.events).toEqual(expected.events);
        expect(outcome.result).toEqual(expected.result);
      } else {
        expect(outcome.error.kind).toBe("stream-interrupted");
        expect(fetch.calls).toBe(1);
        expect(outcome.events.length).toBeGreaterThan(0);
        expect(outcome.events).toEqual(expected.events.slice(0, outcome.events.length));
        expect(outcome.error.partial?.text).toBe(textOf(outcome.events));
      }
      expect(fetch.openBodies).toBe(0);
    }
  });

  it("a JSON frame cut short but framed as complete: stream-interrupted there, later frames ignored", async () => {
    const head = craftedBytes({ text: ["Hel"], doneCount: 0 });
    const cut = new TextEncoder().encode('data: {"choices":[{"delta":{"content":"lo\n\n');
    const tail = craftedBytes({ text: ["lo"], finishReason: "stop", usage: true });
    const fetch = scriptedFetch([{ pieces: [head, cut, tail] }]);
    const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
    expect(outcome.error).toMatchObject({ kind: "stream-interrupted" });
    expect(outcome.error?.partial?.text).toBe("Hel");
    expect(fetch.calls).toBe(1);
  });

  it("a multi-byte UTF-8 character split across network reads, at every split point", async () => {
    const inside = [...bytes.keys()].filter((index) => ((bytes[index] ?? 0) & 0xc0) === 0x80);
    expect(inside.length).toBeGreaterThan(20);
    for (const cuts of [...inside.map((index) => [index]), inside]) {
      const fetch = scriptedFetch([{ pieces: cutAt(bytes, cuts) }]);
      const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
      expect(outcome.result?.text).toBe(UNICODE_STREAM.text.join(""));
      expect(outcome.result?.text).not.toContain("\uFFFD");
      expect(outcome.events).toEqual(expected.events);
    }
  });

  it("a 1 MB single frame, in one read and in 16 KiB reads", async () => {
    const big = "杭州🌧️ rain, ".repeat(Math.ceil(2 ** 20 / 20));
    const stream: CraftedStream = { text: ["<", big, ">"], finishReason: "stop", usage: true };
    const frame = craftedBytes(stream);
    expect(frame.length).toBeGreaterThan(2 ** 20);
    const reads = Array.from({ length: Math.ceil(frame.length / 16_384) }, (_, index) => index * 16_384);
    for (const pieces of [[frame], cutAt(frame, reads)]) {
      const fetch = scriptedFetch([{ pieces }]);
      const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
      expect(outcome.result?.text).toBe(`<${big}>`);
      expect(outcome.events).toEqual(assembledWhole(stream).events);
      expect(outcome.elapsedMs).toBeLessThan(LIMIT_MS);
    }
  });

  it("a one-byte-at-a-time drip, each byte a separate network read", async () => {
    const stream: CraftedStream = {
      ...UNICODE_STREAM,
      reasoning: ["思考", "中"],
      toolArguments: ['{"location":', '"杭州"}'],
    };
    const drip = craftedBytes(stream);
    const fetch = scriptedFetch([{ pieces: cutAt(drip, [...drip.keys()]) }]);
    const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
    expect(outcome.events).toEqual(assembledWhole(stream).events);
    expect(outcome.result).toEqual(assembledWhole(stream).result);
  });
});
