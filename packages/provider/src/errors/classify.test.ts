import { inspect } from "node:util";
import { PLAN_MODEL_LISTS } from "@qwenkit/core";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "openai";
import { describe, expect, it } from "vitest";
import { errorCaptures } from "../../../../fixtures/wire/captures.js";
import { guardedFetch } from "../http/guarded-fetch.js";
import { classifyProviderError, qwenApiErrorFromResponse } from "./classify.js";
import type { QwenErrorContext } from "./context.js";
import { toQwenApiError } from "./from-openai-sdk.js";
import type { QwenApiErrorKind } from "./kinds.js";
import { localError } from "./local-error.js";
import { QwenApiError } from "./qwen-api-error.js";

const CODING: QwenErrorContext = {
  endpoint: { plan: "coding", region: "ap-southeast-1" },
  keyKind: "subscription",
};
const STANDARD: QwenErrorContext = {
  endpoint: { plan: "standard", region: "ap-southeast-1" },
  keyKind: "standard",
};

/** errors.jsonl in file order, with what qwenkit must make of each row. */
const EXPECTED: readonly {
  readonly sample: RegExp;
  readonly context: QwenErrorContext;
  readonly kind: QwenApiErrorKind;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly hint: RegExp;
}[] = [
  {
    sample: /401 invalid key/,
    context: STANDARD,
    kind: "invalid-api-key",
    code: "invalid_api_key",
    requestId: "b02e047c-ca07-98df-ae99-d211d0990216",
    retryable: false,
    hint: /API key was rejected.*region/,
  },
  {
    sample: /404 unknown model/,
    context: STANDARD,
    kind: "model-not-found",
    code: "model_not_found",
    requestId: "caeb6a0e-b726-9086-956d-9dfe6de170e8",
    retryable: false,
    hint: /qwen3\.5-flash-newkey does not exist.*case-sensitive/,
  },
  {
    sample: /Arrearage/,
    context: STANDARD,
    kind: "billing",
    code: "Arrearage",
    requestId: "8605e472-81b4-9cd7-b04d-878e89847c14",
    retryable: false,
    hint: /arrears/,
  },
  {
    sample: /429 rate limit/,
    context: STANDARD,
    kind: "rate-limit",
    code: "limit_requests",
    requestId: undefined,
    retryable: true,
    hint: /retry/,
  },
  {
    sample: /content moderation/,
    context: STANDARD,
    kind: "content-moderation",
    code: "data_inspection_failed",
    requestId: undefined,
    retryable: false,
    hint: /moderation/,
  },
  {
    sample: /empty tools/,
    context: STANDARD,
    kind: "invalid-request",
    code: undefined,
    requestId: undefined,
    retryable: false,
    hint: /empty tools list/,
  },
  {
    sample: /405 Coding Plan client gate/,
    context: CODING,
    kind: "coding-plan-client-gate",
    code: undefined,
    requestId: undefined,
    retryable: false,
    hint: /Coding Plan is only for interactive coding tools.*Pay-as-you-go auth choice "qwen-standard-api-key"/,
  },
  {
    sample: /model not in Coding Plan/,
    context: { ...CODING, planModels: PLAN_MODEL_LISTS["coding-2026-03"].models },
    kind: "model-not-in-plan",
    code: "invalid_parameter_error",
    requestId: "5f0c2a1e-0d7b-9a51-8a43-2f9d6c1b7e00",
    retryable: false,
    hint: /qwen3\.6-plus is not on the Coding Plan's model list.*Pay-as-you-go auth choice "qwen-standard-api-key"/,
  },
  {
    sample: /Standard key on a Coding Plan host/,
    context: { endpoint: { plan: "coding" }, keyKind: "standard" },
    kind: "invalid-api-key",
    code: "invalid_api_key",
    requestId: "0a3b9c1d-5e6f-9a0b-8c1d-2e3f4a5b6c7d",
    retryable: false,
    hint: /This is a Pay-as-you-go key.*but the endpoint is a Coding Plan host, which takes a subscription key/,
  },
  {
    sample: /context too long/,
    context: { ...STANDARD, model: "qwen3-max-2026-01-23" },
    kind: "context-too-long",
    code: "invalid_parameter_error",
    requestId: "3c4d5e6f-7a8b-9c0d-ae1f-203142536475",
    retryable: false,
    hint: /longer than qwen3-max-2026-01-23 accepts \(258048 tokens\)/,
  },
  {
    sample: /Coding Plan quota window/,
    context: CODING,
    kind: "plan-quota",
    code: "insufficient_quota",
    requestId: "6e7f8091-a2b3-9c4d-8e5f-60718293a4b5",
    retryable: false,
    hint: /5-hour window/,
  },
];

const samples = errorCaptures();

/**
 * The openai SDK's own error for a fixed response. `wrapped` puts qwenkit's fetch wrapper in
 * between, as the provider does; without it this is a bare client built by someone else.
 */
async function sdkError(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  wrapped = true,
): Promise<unknown> {
  const answer = async () => new Response(body, { status, headers });
  const client = new OpenAI({
    apiKey: "sk-test-00000000000000000000",
    baseURL: "http://127.0.0.1:9/v1",
    maxRetries: 0,
    fetch: wrapped ? guardedFetch(answer) : answer,
  });
  try {
    await client.chat.completions.create({ model: "m", messages: [] });
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("every error body of errors.jsonl", () => {
  it("has an expectation for each row, in file order", () => {
    expect(samples.map((sample) => EXPECTED.findIndex((row) => row.sample.test(sample._)))).toEqual(
      samples.map((_, index) => index),
    );
  });

  describe.each(samples.map((sample, index) => ({ sample, expected: EXPECTED[index] })))(
    "$sample._",
    ({ sample, expected }) => {
      if (!expected) throw new Error("missing expectation");
      const check = (error: QwenApiError) => {
        expect(error).toBeInstanceOf(QwenApiError);
        expect(error.kind).toBe(expected.kind);
        expect(error.status).toBe(sample.status);
        expect(error.code).toBe(expected.code);
        expect(error.requestId).toBe(expected.requestId);
        expect(error.retryable).toBe(expected.retryable);
        expect(error.hint).toMatch(expected.hint);
        expect(error.hint).not.toContain("\n");
        expect(error.message).toContain(error.hint);
      };

      it("classifies the raw body", () => {
        check(
          qwenApiErrorFromResponse(
            { status: sample.status, body: JSON.stringify(sample.body) },
            expected.context,
          ),
        );
      });

      it("classifies the same body SSE-framed", () => {
        const framed = `data: ${JSON.stringify(sample.body)}\n\n`;
        check(qwenApiErrorFromResponse({ status: sample.status, body: framed }, expected.context));
      });

      it("classifies the openai SDK's error for the response, plain and SSE-framed", async () => {
        check(toQwenApiError(await sdkError(sample.status, JSON.stringify(sample.body)), expected.context));
        const framed = `data: ${JSON.stringify(sample.body)}\n\n`;
        check(toQwenApiError(await sdkError(sample.status, framed), expected.context));
      });

      it("classifies a bare openai client's error too (kind and code; the request id needs the header)", async () => {
        for (const body of [JSON.stringify(sample.body), `data: ${JSON.stringify(sample.body)}\n\n`]) {
          const error = toQwenApiError(await sdkError(sample.status, body, {}, false), expected.context);
          expect([error.kind, error.status, error.code, error.retryable]).toEqual([
            expected.kind,
            sample.status,
            expected.code,
            expected.retryable,
          ]);
        }
      });
    },
  );
});

describe("error details", () => {
  it("takes the request id from x-request-id first", async () => {
    const error = toQwenApiError(
      await sdkError(500, JSON.stringify({ error: { code: "internal_error", message: "boom" } }), {
        "x-request-id": "11111111-2222-3333-4444-555555555555",
      }),
    );
    expect(error).toMatchObject({
      kind: "server-error",
      retryable: true,
      requestId: "11111111-2222-3333-4444-555555555555",
    });
  });

  it("reads retry-after from the response", async () => {
    const body = JSON.stringify({ error: { code: "limit_requests", message: "slow down" } });
    expect(toQwenApiError(await sdkError(429, body, { "retry-after": "2" })).retryAfterMs).toBe(2000);
    expect(toQwenApiError(await sdkError(429, body, { "retry-after-ms": "15" })).retryAfterMs).toBe(15);
  });

  it.each([
    ["ModelUnavailable", 503, "server-error", true],
    ["Throttling.AllocationQuota", 429, "quota-exceeded", true],
    ["Throttling.RateQuota", 429, "rate-limit", true],
    ["Model.AccessDenied", 403, "access-denied", false],
  ] as const)("maps DashScope code %s (HTTP %i) to %s", (code, status, kind, retryable) => {
    const error = classifyProviderError({
      status,
      body: { code, type: code, message: "m", param: undefined, requestId: undefined },
    });
    expect([error.kind, error.retryable]).toEqual([kind, retryable]);
  });

  it.each([
    ["internal_error", "server-error"],
    ["data_inspection_failed", "content-moderation"],
    ["limit_requests", "rate-limit"],
  ] as const)("classifies a mid-stream error frame (no status) by its code %s", (code, kind) => {
    const error = classifyProviderError({
      status: undefined,
      body: { code, type: code, message: "x", param: undefined, requestId: undefined },
    });
    expect(error.kind).toBe(kind);
    expect(error.status).toBeUndefined();
  });

  it.each([
    ["hour allocated quota exceeded", "5-hour"],
    ["week allocated quota exceeded", "week"],
    ["month allocated quota exceeded", "month"],
  ] as const)("names the Coding Plan window of %s", (message, window) => {
    const error = qwenApiErrorFromResponse(
      { status: 429, body: JSON.stringify({ error: { message, code: "insufficient_quota" } }) },
      CODING,
    );
    expect(error.kind).toBe("plan-quota");
    expect(error.quotaWindow).toBe(window);
  });

  it("says so when a Coding Plan key is used on a Standard host", () => {
    const error = qwenApiErrorFromResponse(
      { status: 401, body: JSON.stringify(samples[0]?.body) },
      { endpoint: { plan: "standard" }, keyKind: "subscription" },
    );
    expect(error.hint).toMatch(
      /subscription key \(Coding Plan or Token Plan, sk-sp-\), but the endpoint is a Pay-as-you-go host.*Coding Plan: "qwen-api-key-cn" or "qwen-api-key"; Token Plan: "qwen-token-plan-api-key-cn" or "qwen-token-plan-api-key"/,
    );
  });

  it("does not call a Standard host's 'not supported' a Coding Plan problem", () => {
    const error = qwenApiErrorFromResponse(
      { status: 400, body: JSON.stringify(samples[7]?.body) },
      { endpoint: { plan: "standard" }, keyKind: "standard" },
    );
    expect(error.kind).toBe("invalid-request");
  });

  it("maps SDK transport errors to timeout, connection, aborted and stream-interrupted", () => {
    expect(toQwenApiError(new APIConnectionTimeoutError(), { timeoutMs: 50 })).toMatchObject({
      kind: "timeout",
      retryable: true,
    });
    expect(toQwenApiError(new APIConnectionTimeoutError(), { timeoutMs: 50 }).hint).toContain("50 ms");
    expect(toQwenApiError(new APIConnectionError({ cause: new TypeError("fetch failed") })).kind).toBe(
      "connection",
    );
    expect(toQwenApiError(new APIUserAbortError()).kind).toBe("aborted");
    expect(toQwenApiError(new TypeError("terminated"), {}, "stream").kind).toBe("stream-interrupted");
    expect(toQwenApiError(new SyntaxError("bad json"), {}, "stream").kind).toBe("stream-interrupted");
    expect(toQwenApiError(new TypeError("fetch failed"), {}, "request").kind).toBe("connection");
    expect(toQwenApiError(new SyntaxError("Unexpected end of JSON input"), {}, "request").kind).toBe(
      "malformed-response",
    );
  });

  it("returns a QwenApiError unchanged", () => {
    const error = localError("aborted");
    expect(toQwenApiError(error)).toBe(error);
  });
});

describe("the API key never leaks", () => {
  const key = "sk-sp-0123456789abcdef0123456789ab";
  const echoing = JSON.stringify({
    error: {
      message: `Incorrect API key provided: ${key}`,
      code: "invalid_api_key",
      type: "invalid_request_error",
    },
  });

  it("masks a key echoed by the server in message, JSON and inspect output", async () => {
    const error = toQwenApiError(await sdkError(401, echoing), { secrets: [key], keyKind: "subscription" });
    const surfaces = [
      error.message,
      error.hint,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      String(error),
    ];
    for (const surface of surfaces) expect(surface).not.toContain(key);
    expect(error.message).toContain("sk-sp-…89ab");
  });

  it("masks anything key-shaped even when the key is not known", () => {
    const error = qwenApiErrorFromResponse({ status: 401, body: echoing });
    expect(error.message).not.toContain(key);
  });

  it("keeps the partial result through withPartial and toJSON", () => {
    const partial = {
      id: undefined,
      requestId: undefined,
      model: undefined,
      created: undefined,
      text: "He",
      reasoning: "",
      toolCalls: [],
      finishReason: undefined,
      usage: undefined,
      warnings: [],
    };
    const error = localError("stream-interrupted").withPartial(partial);
    expect(error.partial?.text).toBe("He");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      kind: "stream-interrupted",
      partial: { text: "He" },
    });
  });
});
