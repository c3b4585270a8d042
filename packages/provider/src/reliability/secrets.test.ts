import { inspect } from "node:util";
import { QwenConfigError } from "@qwenkit/core";
import {
  createDashscopeMockHandler,
  type DashscopeMockServer,
  FAULT_HEADER,
  formatFaultHeader,
  MOCK_ERROR_NAMES,
  type MockFault,
  type RequestRecorder,
  startDashscopeMockServer,
} from "@qwenkit/dashscope-mock";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QwenApiError } from "../errors/qwen-api-error.js";
import type { QwenProviderOptions } from "../options.js";
import { createQwenProvider, type QwenProvider } from "../provider.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider, loopbackProvider, withMockServer } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { craftedBytes, UNICODE_STREAM } from "./test-utils/sse.js";

failOnUnhandledRejections();

// Canaries: if any of these shows up anywhere, a key leaked.
const KEYS = {
  standard: "sk-LeakCanary0standard0f00d0c0ffee0a1b2",
  coding: "sk-sp-LeakCanary0coding0f00d0c0ffee0c3d4",
} as const;
const MASKED = "sk-…a1b2";
const LIMIT_MS = 5_000;
const request = { messages: [{ role: "user" as const, content: "Hello" }] };

/** Every way a value gets printed, serialized or logged, the cause chain of errors included. */
function renderings(value: unknown): string[] {
  const out = [
    JSON.stringify(value) ?? "",
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(value),
  ];
  for (let error = value; error instanceof Error; error = error.cause) {
    out.push(error.message, error.stack ?? "", inspect(error), JSON.stringify(error) ?? "");
    if (error instanceof QwenApiError) out.push(error.hint, JSON.stringify(error.partial) ?? "");
  }
  return out;
}

function expectNoKey(value: unknown, key: string = KEYS.standard): void {
  for (const text of renderings(value)) expect(text).not.toContain(key);
}

async function apiError(promise: Promise<unknown>): Promise<QwenApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(QwenApiError);
  return error as QwenApiError;
}

describe("the provider, its config and its client", () => {
  it.each(Object.entries(KEYS))("never show a %s key, in any rendering", (_plan, key) => {
    const qwen = createQwenProvider({ apiKey: key, authChoice: "qwen-api-key", env: {} });
    for (const value of [qwen, qwen.config, qwen.config.apiKey, qwen.client, qwen.capabilitiesFor()]) {
      expectNoKey(value, key);
    }
    expectNoKey(qwen.shape(request, { stream: true }), key);
    expect(inspect(qwen)).toContain(qwen.config.apiKey.masked);
  });

  it("never show a key read from the environment", () => {
    const qwen = createQwenProvider({ env: { DASHSCOPE_API_KEY: KEYS.standard } });
    expect(qwen.config.keySource).toMatchObject({ kind: "env", variable: "DASHSCOPE_API_KEY" });
    expectNoKey(qwen);
    expectNoKey(qwen.config);
  });
});

describe("errors never show the key", () => {
  let server: DashscopeMockServer;
  beforeAll(async () => {
    server = await startDashscopeMockServer({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => server.close());

  const provider = (options: QwenProviderOptions = {}): QwenProvider =>
    loopbackProvider(server, { apiKey: KEYS.standard, maxRetries: 0, ...options });
  const withFault = (fault: MockFault) => ({ headers: { [FAULT_HEADER]: formatFaultHeader([fault]) } });

  it.each(MOCK_ERROR_NAMES)(
    "the mock's %s error, plain and SSE-framed, on chat and stream",
    async (error) => {
      const qwen = provider();
      for (const sseFramed of [false, true]) {
        const options = withFault({ type: "error", error, sseFramed });
        expectNoKey(await apiError(qwen.chat(request, options)));
        expectNoKey(await apiError(qwen.stream(request, options).result));
      }
    },
  );

  it.each([
    ["a mid-stream error frame", { type: "mid-stream-error", afterChunks: 3 }],
    ["a dropped connection", { type: "drop-connection", afterChunks: 3 }],
    ["a truncated frame", { type: "truncated-frame", afterChunks: 3 }],
  ] as const)("%s, partial result included", async (_, fault) => {
    const error = await apiError(provider().stream(request, withFault(fault)).result);
    expect(error.partial).toBeDefined();
    expectNoKey(error);
  });

  it("a timeout and an abort", async () => {
    const slow = withFault({ type: "slow-first-byte", delayMs: 5_000 });
    expectNoKey(await apiError(provider({ timeout: 50 }).stream(request, slow).result));
    const aborted = await apiError(provider().chat(request, { ...slow, signal: AbortSignal.timeout(50) }));
    expect(aborted.kind).toBe("aborted");
    expectNoKey(aborted);
  });

  it("a refused connection (a closed port on 127.0.0.1)", async () => {
    const qwen = createQwenProvider({
      baseUrl: "http://127.0.0.1:9/v1",
      apiKey: KEYS.standard,
      env: {},
      maxRetries: 0,
    });
    const error = await apiError(qwen.chat(request));
    expect(error.kind).toBe("connection");
    expectNoKey(error);
  });

  it.each([
    [
      "a 401 that echoes the key",
      {
        status: 401,
        body: { error: { message: `Incorrect API key provided: ${KEYS.standard}`, code: "invalid_api_key" } },
      },
    ],
    [
      "an SSE-framed 429 that echoes the bearer header",
      {
        status: 429,
        body: `data: {"error":{"message":"limited for Bearer ${KEYS.standard}","code":"limit_requests"}}\n\n`,
      },
    ],
    ["a 500 whose plain-text body is the key", { status: 500, body: KEYS.standard }],
  ])("%s: masked in the message", async (_, { status, body }) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const fetch = scriptedFetch([{ status, pieces: [new TextEncoder().encode(text)] }]);
    const error = await apiError(
      craftedProvider(fetch, { apiKey: KEYS.standard, maxRetries: 0 }).chat(request),
    );
    expectNoKey(error);
    expect(error.message).toContain(MASKED);
  });

  it("a mid-stream error frame that echoes the key: masked, and the partial kept", async () => {
    const head = craftedBytes({ text: UNICODE_STREAM.text.slice(0, 2), doneCount: 0 });
    const frame = `data: {"error":{"message":"key ${KEYS.standard} throttled","code":"limit_requests"}}\n\n`;
    const fetch = scriptedFetch([{ pieces: [head, new TextEncoder().encode(frame)] }]);
    const outcome = await runStream(
      craftedProvider(fetch, { apiKey: KEYS.standard }).stream(request),
      LIMIT_MS,
    );
    expect(outcome.error).toMatchObject({ kind: "rate-limit", partial: { text: "杭州今天" } });
    expect(outcome.error?.message).toContain(MASKED);
    expectNoKey(outcome.error);
  });

  it("a fetch (proxy, interceptor) whose own error names the key: masked in the message and in the cause chain", async () => {
    const leakyFetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const authorization = new Headers(init?.headers).get("authorization");
      throw new TypeError("fetch failed", {
        cause: new Error(`proxy rejected Authorization: ${authorization}`),
      });
    };
    const error = await apiError(
      craftedProvider(leakyFetch, { apiKey: KEYS.standard, maxRetries: 0 }).chat(request),
    );
    expect(error.kind).toBe("connection");
    expectNoKey(error);
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).toContain(
      `proxy rejected Authorization: Bearer ${MASKED}`,
    );
  });
});

describe("the mock's request records", () => {
  const planOf = (key: string) => (key.startsWith("sk-sp-") ? "coding" : "standard");

  async function callTwice(qwen: QwenProvider, recorder: RequestRecorder, key: string) {
    await qwen.stream(request).result;
    await qwen.chat(request);
    expect(recorder.requests).toHaveLength(2);
    for (const record of recorder.requests) {
      expect(record.headers.authorization).toBe(`Bearer ${qwen.config.apiKey.masked}`);
    }
    expectNoKey(recorder.requests, key);
  }

  it.each(Object.entries(KEYS))("hold the %s key masked on 127.0.0.1", async (_plan, key) => {
    await withMockServer({}, async (server) => {
      const host =
        planOf(key) === "coding" ? "coding-intl.dashscope.aliyuncs.com" : "dashscope-intl.aliyuncs.com";
      const qwen = createQwenProvider({
        baseUrl: server.baseUrlFor(host),
        apiKey: key,
        env: {},
        shapeRequests: "always",
      });
      await callTwice(qwen, server.recorder, key);
    });
  });

  it.each(Object.entries(KEYS))("hold the %s key masked in process", async (_plan, key) => {
    const mock = createDashscopeMockHandler();
    const qwen = createQwenProvider({
      authChoice: planOf(key) === "coding" ? "qwen-api-key" : "qwen-standard-api-key",
      apiKey: key,
      env: {},
      fetch: (input, init) => mock.handle(new Request(input, init)),
    });
    await callTwice(qwen, mock.recorder, key);
  });
});

describe("plain http to a non-loopback host", () => {
  it.each([
    "http://example.invalid/v1",
    "http://dashscope.aliyuncs.com/compatible-mode/v1",
    "http://10.0.0.1:8080/v1",
    "http://127.0.0.1.nip.io/v1",
    "http://localhost.example/v1",
    "http://[::2]/v1",
  ])("%s: refused before any I/O, without the key in the error", (baseUrl) => {
    const fetch = scriptedFetch([]);
    let thrown: unknown;
    try {
      createQwenProvider({ baseUrl, apiKey: KEYS.standard, env: {}, fetch });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QwenConfigError);
    expect(thrown).toMatchObject({ kind: "insecure-base-url" });
    expectNoKey(thrown);
    expect(fetch.calls).toBe(0);
  });

  it("is sent only with the explicit opt-in, which is reported as a warning", () => {
    const qwen = createQwenProvider({
      baseUrl: "http://gateway.example/v1",
      apiKey: KEYS.standard,
      env: {},
      allowInsecureHttp: true,
    });
    expect(qwen.config.warnings.map((warning) => warning.code)).toContain("insecure-http");
    expectNoKey(qwen.config.warnings);
  });

  it.each(["http://127.0.0.1:4010/v1", "http://localhost:4010/v1", "http://[::1]:4010/v1"])(
    "%s: loopback is allowed without opt-in or warning",
    (baseUrl) => {
      const qwen = createQwenProvider({ baseUrl, apiKey: KEYS.standard, env: {} });
      expect(qwen.config.warnings.map((warning) => warning.code)).not.toContain("insecure-http");
    },
  );
});

describe("lookalike hosts are never native", () => {
  /** The body the provider sends for a stream in `auto` shaping, captured by a crafted fetch. */
  async function sentBody(baseUrl: string) {
    let body: unknown;
    const fetch = scriptedFetch([{ pieces: [craftedBytes(UNICODE_STREAM)] }]);
    const qwen = createQwenProvider({
      baseUrl,
      apiKey: KEYS.standard,
      env: {},
      fetch: (input, init) => {
        body = JSON.parse(String(init?.body));
        return fetch(input, init);
      },
    });
    await qwen.stream({
      ...request,
      messages: [{ role: "developer", content: "Be brief." }, ...request.messages],
    }).result;
    return { qwen, body: body as Record<string, unknown> };
  }

  it.each([
    "https://dashscope.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://evil-dashscope.aliyuncs.com/compatible-mode/v1",
    "https://evil.example/dashscope.aliyuncs.com/compatible-mode/v1",
    "https://evil.dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com:8443/compatible-mode/v1",
    "https://dаshscope.aliyuncs.com/compatible-mode/v1",
    "https://coding.dashscope.aliyuncs.com/compatible-mode/v1",
  ])("%s: not native, so no stream_options and no native rewriting in auto mode", async (baseUrl) => {
    const { qwen, body } = await sentBody(baseUrl);
    expect(qwen.config.endpoint.native).toBe(false);
    expect(body).not.toHaveProperty("stream_options");
    // The one rule every custom URL gets: developer goes as system, which any OpenAI server takes.
    expect(body.messages).toMatchObject([{ role: "system" }, { role: "user" }]);
  });

  it.each([
    "https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1",
    "https://dashscope.aliyuncs.com:x@evil.example/compatible-mode/v1",
  ])("%s: a URL with credentials is refused before any I/O", (baseUrl) => {
    const fetch = scriptedFetch([]);
    expect(() => createQwenProvider({ baseUrl, apiKey: KEYS.standard, env: {}, fetch })).toThrow(
      QwenConfigError,
    );
    expect(fetch.calls).toBe(0);
  });

  it("the real hosts, however spelled, are native and get stream_options", async () => {
    for (const baseUrl of [
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
      "HTTPS://DashScope-Intl.Aliyuncs.com/compatible-mode/v1/",
      "coding-intl.dashscope.aliyuncs.com/v1",
    ]) {
      const { qwen, body } = await sentBody(baseUrl);
      expect(qwen.config.endpoint.native).toBe(true);
      expect(body).toMatchObject({ stream_options: { include_usage: true } });
    }
  });

  it("generated lookalikes (labels before or after a native host name) are never native", async () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const native = fc.constantFrom(
      "dashscope.aliyuncs.com/compatible-mode/v1",
      "dashscope-intl.aliyuncs.com/compatible-mode/v1",
      "coding.dashscope.aliyuncs.com/v1",
      "coding-intl.dashscope.aliyuncs.com/v1",
    );
    const lookalike = fc.oneof(
      fc.tuple(label, fc.constantFrom(".", "-"), native).map(([l, sep, n]) => `https://${l}${sep}${n}`),
      fc.tuple(native, label).map(([n, l]) => {
        const [host, ...path] = n.split("/");
        return `https://${host}.${l}/${path.join("/")}`;
      }),
      fc.tuple(label, native).map(([l, n]) => `https://${l}.example/${n}`),
    );
    await fc.assert(
      fc.asyncProperty(lookalike, async (baseUrl) => {
        // A name the URL parser rejects (a numeric last label reads as a bad IPv4) is refused outright.
        if (URL.parse(baseUrl) === null) {
          expect(() => createQwenProvider({ baseUrl, apiKey: KEYS.standard, env: {} })).toThrow(
            QwenConfigError,
          );
          return;
        }
        const { qwen, body } = await sentBody(baseUrl);
        expect(qwen.config.endpoint.native).toBe(false);
        expect(body).not.toHaveProperty("stream_options");
      }),
      { numRuns: 100 },
    );
  });
});
