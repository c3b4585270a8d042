import { AUTH_CHOICES, type Plan } from "@qwenkit/core";
import { authChoiceFor } from "@qwenkit/core/advanced";
import {
  FAULT_HEADER,
  formatFaultHeader,
  type MockErrorName,
  setupDashscopeMock,
} from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { QwenApiErrorKind } from "./errors/kinds.js";
import type { QuotaWindow } from "./errors/quota-window.js";
import { QwenApiError } from "./errors/qwen-api-error.js";
import { drain, failure, HOSTS, KEYS, providerFor } from "./test-utils/hosts.js";

const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const hello = [{ role: "user" as const, content: "Hello" }];

async function apiError(promise: Promise<unknown>): Promise<QwenApiError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(QwenApiError);
  return error as QwenApiError;
}

/** What qwenkit must make of each error the mock can send (docs/dashscope.md#errors). */
const ERROR_TABLE: readonly {
  readonly error: MockErrorName;
  readonly status: number;
  readonly kind: QwenApiErrorKind | ((plan: Plan) => QwenApiErrorKind);
  readonly retryable: boolean;
  readonly quotaWindow?: QuotaWindow;
}[] = [
  { error: "context-too-long", status: 400, kind: "context-too-long", retryable: false },
  {
    error: "model-not-in-plan",
    status: 400,
    kind: (plan) => (plan === "coding" ? "model-not-in-plan" : "invalid-request"),
    retryable: false,
  },
  { error: "arrearage", status: 400, kind: "billing", retryable: false },
  { error: "content-moderation", status: 400, kind: "content-moderation", retryable: false },
  { error: "empty-tools", status: 400, kind: "invalid-request", retryable: false },
  { error: "invalid-parameter", status: 400, kind: "invalid-request", retryable: false },
  { error: "invalid-api-key", status: 401, kind: "invalid-api-key", retryable: false },
  { error: "invalid-access-token", status: 401, kind: "invalid-api-key", retryable: false },
  { error: "model-access-denied", status: 403, kind: "access-denied", retryable: false },
  { error: "model-not-found", status: 404, kind: "model-not-found", retryable: false },
  { error: "coding-plan-client-gate", status: 405, kind: "coding-plan-client-gate", retryable: false },
  { error: "rate-limit", status: 429, kind: "rate-limit", retryable: true },
  { error: "quota-exceeded", status: 429, kind: "quota-exceeded", retryable: true },
  { error: "plan-quota-hour", status: 429, kind: "plan-quota", retryable: false, quotaWindow: "5-hour" },
  { error: "plan-quota-week", status: 429, kind: "plan-quota", retryable: false, quotaWindow: "week" },
  { error: "plan-quota-month", status: 429, kind: "plan-quota", retryable: false, quotaWindow: "month" },
  { error: "internal-error", status: 500, kind: "server-error", retryable: true },
  { error: "model-unavailable", status: 503, kind: "server-error", retryable: true },
];

describe.each(HOSTS)("$name: every documented Model Studio error", (host) => {
  describe.each(ERROR_TABLE)("$error", (row) => {
    const kind = typeof row.kind === "function" ? row.kind(host.plan) : row.kind;
    const check = (error: QwenApiError) => {
      expect(error.kind).toBe(kind);
      expect(error.status).toBe(row.status);
      expect(error.retryable).toBe(row.retryable);
      expect(error.quotaWindow).toBe(row.quotaWindow);
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.hint.length).toBeGreaterThan(10);
      expect(error.partial).toBeUndefined();
      expect(JSON.stringify(error)).not.toContain(KEYS[host.plan]);
      expect(mock.recorder.requests).toHaveLength(1);
    };

    it("on a non-streaming call (mock fault rule)", async () => {
      mock.useFaults({ fault: { type: "error", error: row.error } });
      check(await apiError(providerFor(host, { maxRetries: 0 }).chat({ messages: hello })));
    });

    it("before a stream starts (x-mock-fault header)", async () => {
      const headers = { [FAULT_HEADER]: formatFaultHeader([{ type: "error", error: row.error }]) };
      const stream = providerFor(host, { maxRetries: 0 }).stream({ messages: hello }, { headers });
      check(await apiError(drain(stream)));
      await expect(stream.result).rejects.toBeInstanceOf(QwenApiError);
    });

    it("SSE-framed before a stream starts", async () => {
      mock.useFaults({ fault: { type: "error", error: row.error, sseFramed: true } });
      check(await apiError(providerFor(host, { maxRetries: 0 }).stream({ messages: hello }).result));
    });
  });
});

describe.each(HOSTS)("$name: errors the endpoint itself produces", (host) => {
  const otherPlan: Plan = host.plan === "coding" ? "standard" : "coding";

  it("a key of the other plan: 401 whose hint says the key and the plan disagree", async () => {
    const qwen = providerFor(host, { apiKey: KEYS[otherPlan] });
    expect(qwen.config.warnings.map((warning) => warning.code)).toContain("key-plan-mismatch");
    const error = await apiError(qwen.chat({ messages: hello }));
    expect(error).toMatchObject({ kind: "invalid-api-key", status: 401, retryable: false });
    expect(error.hint).toMatch(
      host.plan === "coding"
        ? /This is a Pay-as-you-go key .*but the endpoint is a Coding Plan host/
        : /This is a subscription key \(Coding Plan or Token Plan, sk-sp-\), but the endpoint is a Pay-as-you-go host/,
    );
    expect(error.message).not.toContain(KEYS[otherPlan]);
  });

  it("a prompt beyond the context window: context-too-long", async () => {
    const qwen = providerFor(host, { model: "glm-4.7" });
    const long = "word ".repeat(900_000);
    const error = await apiError(qwen.chat({ messages: [{ role: "user", content: long }] }));
    expect(error.kind).toBe("context-too-long");
    expect(error.hint).toMatch(/glm-4\.7 accepts \(\d+ tokens\)/);
  });
});

describe.each(HOSTS.filter((host) => host.plan === "coding"))("$name: Coding Plan rejections", (host) => {
  it("a model outside the Coding Plan: switch to a Standard auth choice", async () => {
    const qwen = providerFor(host, { model: "qwen/qwen3.7-max" });
    const error = await apiError(qwen.stream({ messages: hello }).result);
    expect(error.kind).toBe("model-not-in-plan");
    const region = AUTH_CHOICES[host.authChoice].region;
    expect(error.hint).toContain(`Pay-as-you-go auth choice "${authChoiceFor("standard", region)}"`);
    expect(error.hint).toContain("qwen3.7-max is not on the Coding Plan's model list");
  });
});

describe.each(HOSTS.filter((host) => host.plan === "standard"))("$name: Standard rejections", (host) => {
  it("a model id in the wrong case: model-not-found", async () => {
    const error = await apiError(providerFor(host, { model: "minimax-m2.5" }).chat({ messages: hello }));
    expect(error.kind).toBe("model-not-found");
    expect(error.hint).toMatch(/case-sensitive/);
  });
});

describe.each(HOSTS)("$name: stream faults", (host) => {
  it.each([
    ["mid-stream error frame", { type: "mid-stream-error", afterChunks: 3 }, "server-error"],
    [
      "mid-stream rate-limit frame",
      { type: "mid-stream-error", afterChunks: 3, error: "rate-limit" },
      "rate-limit",
    ],
    ["dropped connection", { type: "drop-connection", afterChunks: 3 }, "stream-interrupted"],
    ["truncated frame", { type: "truncated-frame", afterChunks: 3 }, "stream-interrupted"],
  ] as const)("%s: typed error, partial result kept, no retry", async (_, fault, kind) => {
    mock.useFaults({ fault });
    const stream = providerFor(host).stream({ messages: hello, thinking: { enabled: false } });
    const seen: string[] = [];
    const error = await apiError(
      (async () => {
        for await (const event of stream) if (event.type === "text") seen.push(event.delta);
      })(),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBeUndefined();
    expect(error.partial?.text).toBe(seen.join(""));
    expect(error.partial?.text).not.toBe("");
    expect(error.partial?.finishReason).toBeUndefined();
    expect(error.partial?.usage).toBeUndefined();
    expect(error.partial?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(stream.result).rejects.toBe(error);
    expect(mock.recorder.requests).toHaveLength(1);
  });

  it("missing usage frame: usage is unknown (undefined), not zero", async () => {
    mock.useFaults({ fault: { type: "missing-usage" } });
    const result = await providerFor(host).stream({ messages: hello }).result;
    expect(result.finishReason).toBe("stop");
    expect(result.usage).toBeUndefined();
  });

  it.each([{ type: "missing-done" }, { type: "duplicate-done" }] as const)(
    "$type: the stream still completes with usage",
    async (fault) => {
      mock.useFaults({ fault });
      const result = await providerFor(host).stream({ messages: hello }).result;
      expect(result.finishReason).toBe("stop");
      expect(result.usage).toBeDefined();
    },
  );

  it("slow first byte beyond the timeout: kind timeout", async () => {
    mock.useFaults({ fault: { type: "slow-first-byte", delayMs: 1_000 } });
    const error = await apiError(
      providerFor(host, { timeout: 50, maxRetries: 0 }).stream({ messages: hello }).result,
    );
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
    expect(error.hint).toContain("50 ms");
  });

  it("a non-streaming call whose connection drops: kind connection", async () => {
    mock.useFaults({ fault: { type: "drop-connection", afterChunks: 0 } });
    const error = await apiError(providerFor(host, { maxRetries: 0 }).chat({ messages: hello }));
    expect(error).toMatchObject({ kind: "connection", retryable: true });
  });

  it("a non-streaming body cut in half: kind malformed-response", async () => {
    mock.useFaults({ fault: { type: "truncated-frame", afterChunks: 0 } });
    const error = await apiError(providerFor(host, { maxRetries: 0 }).chat({ messages: hello }));
    expect(error).toMatchObject({ kind: "malformed-response", retryable: true });
  });
});
