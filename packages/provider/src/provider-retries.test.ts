import { CONTROL_HEADERS, setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { QwenApiError } from "./errors/qwen-api-error.js";
import type { QwenStreamEvent } from "./stream-events.js";
import { drain, failure, HOSTS, providerFor } from "./test-utils/hosts.js";

const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const hello = [{ role: "user" as const, content: "Hello" }];
const count = (events: readonly QwenStreamEvent[], type: QwenStreamEvent["type"]) =>
  events.filter((event) => event.type === type).length;

async function apiError(promise: Promise<unknown>): Promise<QwenApiError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(QwenApiError);
  return error as QwenApiError;
}

describe.each(HOSTS)("$name: retries", (host) => {
  it.each([
    ["429 with retry-after", { type: "error", error: "rate-limit", retryAfterSeconds: 0 }],
    ["500", { type: "error", error: "internal-error" }],
    ["503", { type: "error", error: "model-unavailable" }],
    ["an SSE-framed 429", { type: "error", error: "rate-limit", sseFramed: true }],
    ["a stream dropped before its first frame", { type: "drop-connection", afterChunks: 0 }],
  ] as const)("retries a stream after %s, delivering everything exactly once", async (_, fault) => {
    mock.useFaults({ fault, times: 1 });
    const stream = providerFor(host).stream(
      { messages: hello },
      { headers: { [CONTROL_HEADERS.chunks]: "4" } },
    );
    const events = await drain(stream);
    const result = await stream.result;
    expect(mock.recorder.requests).toHaveLength(2);
    expect(count(events, "text")).toBe(4);
    expect(count(events, "finish")).toBe(1);
    expect(count(events, "usage")).toBe(1);
    expect(result.text).toBe(events.map((event) => (event.type === "text" ? event.delta : "")).join(""));
    expect(result.usage?.outputTokens).toBe(4 + (result.usage?.reasoningTokens ?? 0));
  });

  it.each([
    ["429", { type: "error", error: "rate-limit" }],
    ["500", { type: "error", error: "internal-error" }],
    ["a dropped connection", { type: "drop-connection", afterChunks: 0 }],
  ] as const)("retries a non-streaming call after %s", async (_, fault) => {
    mock.useFaults({ fault, times: 2 });
    const result = await providerFor(host).chat({ messages: hello });
    expect(result.finishReason).toBe("stop");
    expect(mock.recorder.requests).toHaveLength(3);
  });

  it("gives up after maxRetries and reports the last error", async () => {
    mock.useFaults({ fault: { type: "error", error: "internal-error" } });
    const error = await apiError(providerFor(host, { maxRetries: 2 }).chat({ messages: hello }));
    expect(error.kind).toBe("server-error");
    expect(mock.recorder.requests).toHaveLength(3);
  });

  it("honours a per-call maxRetries", async () => {
    mock.useFaults({ fault: { type: "error", error: "internal-error" } });
    await apiError(providerFor(host).chat({ messages: hello }, { maxRetries: 0 }));
    expect(mock.recorder.requests).toHaveLength(1);
  });

  it("never retries a non-retryable error", async () => {
    mock.useFaults({ fault: { type: "error", error: "arrearage" } });
    expect((await apiError(providerFor(host).stream({ messages: hello }).result)).kind).toBe("billing");
    expect(mock.recorder.requests).toHaveLength(1);
  });

  it("never retries once part of a stream was delivered, even for a retryable failure", async () => {
    mock.useFaults({
      fault: { type: "mid-stream-error", afterChunks: 2, error: "internal-error" },
      times: 1,
    });
    const stream = providerFor(host, { maxRetries: 3 }).stream({ messages: hello });
    const error = await apiError(drain(stream));
    expect(error).toMatchObject({ kind: "server-error", retryable: true });
    expect(error.partial?.reasoning).not.toBe("");
    expect(mock.recorder.requests).toHaveLength(1);
  });

  it("does not wait for a retry-after longer than maxRetryAfterMs; the error says how long", async () => {
    mock.useFaults({ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 30 } });
    const qwen = providerFor(host, { retryDelays: { maxRetryAfterMs: 1_000 } });
    const error = await apiError(qwen.chat({ messages: hello }));
    expect(error).toMatchObject({ kind: "rate-limit", retryAfterMs: 30_000 });
    expect(mock.recorder.requests).toHaveLength(1);
  });
});

describe("retry-after", () => {
  it("waits as long as the server says before retrying", async () => {
    const [host] = HOSTS;
    mock.useFaults({ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1 }, times: 1 });
    const started = performance.now();
    await providerFor(host).chat({ messages: hello });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(mock.recorder.requests).toHaveLength(2);
  });
});

describe.each(HOSTS)("$name: abort", (host) => {
  it("aborting mid-stream keeps the partial result on the error and does not retry", async () => {
    mock.useFaults({ fault: { type: "chunk-delay", delayMs: 5 } });
    const controller = new AbortController();
    const stream = providerFor(host).stream(
      { messages: hello, thinking: { enabled: false } },
      { signal: controller.signal, headers: { [CONTROL_HEADERS.chunks]: "50" } },
    );
    const seen: string[] = [];
    const error = await apiError(
      (async () => {
        for await (const event of stream) {
          if (event.type !== "text") continue;
          seen.push(event.delta);
          if (seen.length === 3) controller.abort();
        }
      })(),
    );
    expect(error).toMatchObject({ kind: "aborted", retryable: false });
    expect(error.partial?.text.startsWith(seen.join(""))).toBe(true);
    expect(error.partial?.finishReason).toBeUndefined();
    await expect(stream.result).rejects.toMatchObject({ kind: "aborted" });
    expect(mock.recorder.requests).toHaveLength(1);
  });

  it("leaving the loop early aborts the request; the result rejects as aborted with the partial", async () => {
    mock.useFaults({ fault: { type: "chunk-delay", delayMs: 5 } });
    const stream = providerFor(host).stream(
      { messages: hello, thinking: { enabled: false } },
      { headers: { [CONTROL_HEADERS.chunks]: "50" } },
    );
    for await (const event of stream) if (event.type === "text") break;
    const error = await apiError(stream.result);
    expect(error.kind).toBe("aborted");
    expect(error.partial?.text).not.toBe("");
  });

  it("an already aborted signal fails at once without a request", async () => {
    const error = await apiError(
      providerFor(host).chat({ messages: hello }, { signal: AbortSignal.abort() }),
    );
    expect(error.kind).toBe("aborted");
    expect(error.partial).toBeUndefined();
    expect(mock.recorder.requests).toHaveLength(0);
  });

  it("aborting a non-streaming call that waits for its first byte", async () => {
    mock.useFaults({ fault: { type: "slow-first-byte", delayMs: 2_000 } });
    const error = await apiError(
      providerFor(host).chat({ messages: hello }, { signal: AbortSignal.timeout(30) }),
    );
    expect(error.kind).toBe("aborted");
  });

  it("aborting during the backoff before a retry", async () => {
    mock.useFaults({ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 5 } });
    const started = performance.now();
    const error = await apiError(
      providerFor(host).stream({ messages: hello }, { signal: AbortSignal.timeout(50) }).result,
    );
    expect(error.kind).toBe("aborted");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(mock.recorder.requests).toHaveLength(1);
  });
});
