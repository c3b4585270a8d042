import { APICallError, InvalidArgumentError, UnsupportedFunctionalityError } from "@ai-sdk/provider";
import { endpointFor, type Plan } from "@qwenkit/core";
import { QwenApiError } from "@qwenkit/provider";
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { createQwen, qwenApiErrorOf } from "./index.js";
import { KEYS } from "./test-utils/endpoints.js";
import { useDashscopeMock } from "./test-utils/mock.js";

const mock = useDashscopeMock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function qwenOn(plan: Plan, settings: Record<string, unknown> = {}) {
  const { baseUrl } = endpointFor({ plan, region: "ap-southeast-1" });
  return createQwen({ baseUrl, apiKey: KEYS[plan], model: "qwen3.5-plus", env: {}, ...settings });
}

const ERRORS = [
  { error: "context-too-long", plan: "standard", status: 400, kind: "context-too-long", retryable: false },
  { error: "model-not-in-plan", plan: "coding", status: 400, kind: "model-not-in-plan", retryable: false },
  { error: "arrearage", plan: "standard", status: 400, kind: "billing", retryable: false },
  {
    error: "content-moderation",
    plan: "standard",
    status: 400,
    kind: "content-moderation",
    retryable: false,
  },
  { error: "invalid-api-key", plan: "standard", status: 401, kind: "invalid-api-key", retryable: false },
  { error: "model-access-denied", plan: "standard", status: 403, kind: "access-denied", retryable: false },
  { error: "model-not-found", plan: "standard", status: 404, kind: "model-not-found", retryable: false },
  {
    error: "coding-plan-client-gate",
    plan: "coding",
    status: 405,
    kind: "coding-plan-client-gate",
    retryable: false,
  },
  { error: "rate-limit", plan: "standard", status: 429, kind: "rate-limit", retryable: true },
  { error: "quota-exceeded", plan: "standard", status: 429, kind: "quota-exceeded", retryable: true },
  { error: "plan-quota-week", plan: "coding", status: 429, kind: "plan-quota", retryable: false },
  { error: "internal-error", plan: "standard", status: 500, kind: "server-error", retryable: true },
  { error: "model-unavailable", plan: "standard", status: 503, kind: "server-error", retryable: true },
] as const;

describe("a failed call", () => {
  it.each(ERRORS)(
    "$error is an APICallError of status $status, retryable $retryable, with qwenkit's kind $kind",
    async ({ error, plan, status, kind, retryable }) => {
      mock.useFaults({ fault: { type: "error", error } });
      const qwen = qwenOn(plan);
      const failure = await generateText({ model: qwen(), prompt: "Hi", maxRetries: 0 }).catch((e) => e);
      expect(APICallError.isInstance(failure)).toBe(true);
      expect(failure).toMatchObject({
        statusCode: status,
        isRetryable: retryable,
        url: `${qwen().config.endpoint.baseUrl}/chat/completions`,
        requestBodyValues: expect.objectContaining({ model: "qwen3.5-plus" }),
        data: { kind, hint: expect.stringMatching(/\S/), requestId: expect.stringMatching(UUID) },
      });
      expect(failure.cause).toBeInstanceOf(QwenApiError);
      expect(failure.data.hint).toBe(failure.cause.hint);
      expect(failure.message).toBe(failure.cause.message);
      expect(qwenApiErrorOf(failure)).toBe(failure.cause);
      expect(mock.recorder.requests).toHaveLength(1);
    },
  );

  it("streamText hands the same error to its error part and onError", async () => {
    mock.useFaults({ fault: { type: "error", error: "invalid-api-key" } });
    const errors: unknown[] = [];
    const result = streamText({
      model: qwenOn("standard")(),
      prompt: "Hi",
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = [];
    for await (const part of result.fullStream) parts.push(part);
    const errorPart = parts.find((part) => part.type === "error");
    expect(errorPart?.type === "error" && errorPart.error).toMatchObject({
      statusCode: 401,
      data: { kind: "invalid-api-key" },
    });
    expect(errors).toEqual([errorPart?.type === "error" && errorPart.error]);
  });

  it("a mid-stream error frame ends the stream with an error part and finish reason error, after the text that came", async () => {
    mock.useFaults({ fault: { type: "mid-stream-error", afterChunks: 4, error: "internal-error" } });
    const result = streamText({
      model: qwenOn("standard")("qwen3-coder-plus"),
      prompt: "Hi",
      maxRetries: 0,
      onError: () => undefined,
    });
    const types: string[] = [];
    let error: unknown;
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === "error") error = part.error;
    }
    expect(types.filter((type) => type === "text-delta").length).toBeGreaterThan(0);
    expect(types.slice(-3)).toEqual(["error", "finish-step", "finish"]);
    expect(error).toMatchObject({ isRetryable: true, data: { kind: "server-error" } });
    expect(await result.finishReason).toBe("error");
  });

  it("a dropped connection mid-stream is stream-interrupted and not retried (text had been delivered)", async () => {
    mock.useFaults({ fault: { type: "drop-connection", afterChunks: 3 } });
    const result = streamText({
      model: qwenOn("standard")("qwen3-coder-plus"),
      prompt: "Hi",
      onError: () => undefined,
    });
    let error: unknown;
    for await (const part of result.fullStream) if (part.type === "error") error = part.error;
    expect(error).toMatchObject({ isRetryable: true, data: { kind: "stream-interrupted" } });
    expect(mock.recorder.requests).toHaveLength(1);
  });
});

describe("retries", () => {
  it("the AI SDK retries what qwenkit calls retryable, waiting what retry-after says; qwenkit's own retries are off", async () => {
    mock.useFaults({ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 }, times: 1 });
    const started = performance.now();
    const result = await generateText({ model: qwenOn("standard")(), prompt: "Hi", maxRetries: 1 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(mock.recorder.requests).toHaveLength(2);
    // Without the header the AI SDK would first wait its 2 s backoff.
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("hands the response headers on, retry-after and the request id included", async () => {
    mock.useFaults({ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 7 } });
    const failure = await generateText({ model: qwenOn("standard")(), prompt: "Hi", maxRetries: 0 }).catch(
      (e) => e,
    );
    expect(failure.responseHeaders).toMatchObject({
      "retry-after": "7",
      "x-request-id": failure.data.requestId,
    });
    expect(failure.data.retryAfterMs).toBe(7_000);
  });

  it("a stream that fails before delivering anything is retried by the AI SDK too", async () => {
    mock.useFaults({ fault: { type: "error", error: "model-unavailable", retryAfterSeconds: 0 }, times: 1 });
    const result = streamText({ model: qwenOn("standard")("qwen3-coder-plus"), prompt: "Hi", maxRetries: 1 });
    expect((await result.text).length).toBeGreaterThan(0);
    expect(mock.recorder.requests).toHaveLength(2);
  });

  it("qwenkit retries instead when maxRetries is set on createQwen", async () => {
    mock.useFaults({ fault: { type: "error", error: "internal-error", retryAfterSeconds: 0 }, times: 2 });
    const qwen = qwenOn("standard", { maxRetries: 2, retryDelays: { initialDelayMs: 1, maxDelayMs: 1 } });
    const result = await generateText({ model: qwen(), prompt: "Hi", maxRetries: 0 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(mock.recorder.requests).toHaveLength(3);
  });

  it("after the AI SDK gives up, qwenApiErrorOf finds qwenkit's error inside its RetryError", async () => {
    mock.useFaults({ fault: { type: "error", error: "internal-error", retryAfterSeconds: 0 } });
    const failure = await generateText({ model: qwenOn("standard")(), prompt: "Hi", maxRetries: 1 }).catch(
      (e) => e,
    );
    expect(failure.name).toBe("AI_RetryError");
    expect(qwenApiErrorOf(failure)).toMatchObject({ kind: "server-error", status: 500 });
  });
});

describe("before any request", () => {
  it("a malformed providerOptions.qwen value is an InvalidArgumentError", async () => {
    const failure = await generateText({
      model: qwenOn("standard")(),
      prompt: "Hi",
      providerOptions: { qwen: { thinkingBudget: -1 } },
      maxRetries: 0,
    }).catch((e) => e);
    expect(InvalidArgumentError.isInstance(failure)).toBe(true);
    expect(mock.recorder.requests).toEqual([]);
  });

  it("a file DashScope cannot take is an UnsupportedFunctionalityError", async () => {
    const failure = await generateText({
      model: qwenOn("standard")(),
      messages: [
        {
          role: "user",
          content: [{ type: "file", data: new Uint8Array([1, 2, 3]), mediaType: "application/pdf" }],
        },
      ],
      maxRetries: 0,
    }).catch((e) => e);
    expect(UnsupportedFunctionalityError.isInstance(failure)).toBe(true);
    expect(mock.recorder.requests).toEqual([]);
  });
});

describe("abort, headers and fetch", () => {
  it("an abort while streaming stops the stream (the AI SDK's abort part), not an API error", async () => {
    const controller = new AbortController();
    const result = streamText({
      model: qwenOn("standard")("qwen3-coder-plus"),
      prompt: "Hi",
      headers: { "x-mock-chunks": "1000" },
      abortSignal: controller.signal,
      maxRetries: 0,
      onError: () => undefined,
    });
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === "text-delta") controller.abort();
    }
    expect(types).toContain("abort");
    expect(types).not.toContain("error");
    expect(types.filter((type) => type === "text-delta").length).toBeLessThan(1000);
  });

  it("a reader that cancels the model's stream stops it, with nothing left to fail later", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const model = qwenOn("standard")("qwen3-coder-plus");
      const { stream } = await model.doStream({
        prompt: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
        headers: { "x-mock-chunks": "100000" },
      });
      const reader = stream.getReader();
      const first = await reader.read();
      expect(first.value?.type).toBe("stream-start");
      await reader.cancel();
      expect(await reader.closed).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("an abort before the response rejects with the signal's reason", async () => {
    const delayMs = 200;
    mock.useFaults({ fault: { type: "slow-first-byte", delayMs } });
    const failure = await generateText({
      model: qwenOn("standard")(),
      prompt: "Hi",
      abortSignal: AbortSignal.timeout(20),
      maxRetries: 0,
    }).catch((e) => e);
    expect(failure).toMatchObject({ name: "TimeoutError" });
    // Let the mock's delayed reply run out, so closing the mock does not cut it off.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  });

  it("sends the call's headers and createQwen's defaultHeaders, through the custom fetch", async () => {
    const seen: string[] = [];
    const qwen = qwenOn("standard", {
      defaultHeaders: { "x-app": "demo" },
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    await generateText({ model: qwen(), prompt: "Hi", headers: { "x-trace-id": "t-1" }, maxRetries: 0 });
    expect(seen).toEqual([`${qwen().config.endpoint.baseUrl}/chat/completions`]);
    expect(mock.recorder.last()?.headers).toMatchObject({ "x-app": "demo", "x-trace-id": "t-1" });
  });
});
