import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QwenApiError } from "../errors/qwen-api-error.js";
import { KEYS } from "../test-utils/hosts.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";

failOnUnhandledRejections();

const KEY = KEYS.standard;
const MASKED = "sk-…cdef";
const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const encoder = new TextEncoder();

/** Every way an error or result reaches a log: its renderings and those of everything it holds. */
function renderings(value: unknown): string[] {
  const out = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
  for (let error = value, depth = 0; error instanceof Error && depth < 10; error = error.cause, depth += 1) {
    out.push(error.message, error.stack ?? "", inspect(error.cause, { showHidden: true, depth: 20 }));
    if (error instanceof QwenApiError)
      out.push(error.hint, JSON.stringify(error.partial) ?? "", inspect(error.headers));
  }
  return out;
}

const expectNoKey = (value: unknown) => {
  for (const text of renderings(value)) expect(text).not.toContain(KEY);
};

describe("a key echoed by the server is masked in every field taken from the wire", () => {
  it("error code, type, param, message, request_id, x-request-id and other headers", async () => {
    const body = JSON.stringify({
      error: { message: `bad key ${KEY}`, code: KEY, type: KEY, param: KEY },
      request_id: KEY,
    });
    const fetch = scriptedFetch([
      {
        status: 429,
        headers: { "content-type": "application/json", "x-request-id": KEY, "x-echo": `Bearer ${KEY}` },
        pieces: [encoder.encode(body)],
      },
    ]);
    const error = await craftedProvider(fetch, { maxRetries: 0 })
      .chat(request)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QwenApiError);
    expectNoKey(error);
    expect(error).toMatchObject({ code: MASKED, type: MASKED, param: MASKED, requestId: MASKED });
    expect((error as QwenApiError).headers?.get("x-echo")).toBe("Bearer sk-...cdef");
  });

  it("a stream's id, model, tool call id and name, and the partial of a stream cut off", async () => {
    const frame = (delta: Record<string, unknown>) =>
      `data: ${JSON.stringify({ id: KEY, model: KEY, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
    const bytes = encoder.encode(
      frame({ content: `echo ${KEY} ` }) +
        frame({
          tool_calls: [
            { index: 0, id: KEY, type: "function", function: { name: KEY, arguments: `{"k":"${KEY}"}` } },
          ],
        }),
    );
    const fetch = scriptedFetch([{ pieces: [bytes], end: "reset" }]);
    const outcome = await runStream(craftedProvider(fetch).stream(request), 5_000);
    expect(outcome.error?.kind).toBe("stream-interrupted");
    expectNoKey(outcome.error);
    expect(outcome.error?.partial).toMatchObject({ id: MASKED, model: MASKED, text: `echo ${MASKED} ` });
    expect(outcome.error?.partial?.toolCalls[0]).toMatchObject({
      id: MASKED,
      name: MASKED,
      arguments: `{"k":"${MASKED}"}`,
    });
    const delta = outcome.events.find((event) => event.type === "tool-call-delta");
    expect(delta).toMatchObject({ id: MASKED, name: MASKED });
  });

  it("a non-streaming completion's id, model and content", async () => {
    const completion = {
      id: KEY,
      model: KEY,
      choices: [{ index: 0, message: { role: "assistant", content: `here: ${KEY}` }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    const fetch = scriptedFetch([
      {
        headers: { "content-type": "application/json", "x-request-id": KEY },
        pieces: [encoder.encode(JSON.stringify(completion))],
      },
    ]);
    const result = await craftedProvider(fetch).chat(request);
    expectNoKey(result);
    expect(result).toMatchObject({ id: MASKED, model: MASKED, text: `here: ${MASKED}` });
  });

  it("a mid-stream error frame whose code and message echo the key", async () => {
    const bytes = encoder.encode(
      `data: ${JSON.stringify({ id: "chatcmpl-1", choices: [{ index: 0, delta: { content: "He" } }] })}\n\n` +
        `data: ${JSON.stringify({ error: { code: KEY, message: `boom ${KEY}` } })}\n\n`,
    );
    const outcome = await runStream(
      craftedProvider(scriptedFetch([{ pieces: [bytes] }])).stream(request),
      5_000,
    );
    expect(outcome.error?.partial?.text).toBe("He");
    expectNoKey(outcome.error);
  });
});

describe("a custom fetch whose error graph holds the key", () => {
  class AxiosError extends Error {
    override name = "AxiosError";
    config = {
      headers: { Authorization: `Bearer ${KEY}`, Accept: "application/json" },
      data: '{"model":"m"}',
    };
    request = { _header: `POST /v1/chat/completions HTTP/1.1\r\nAuthorization: Bearer ${KEY}\r\n` };
  }
  const cyclic = () => {
    const error = new Error(`loop ${KEY}`) as Error & { self?: unknown };
    error.self = { back: error, headers: new Headers({ authorization: `Bearer ${KEY}` }) };
    return error;
  };

  it.each([
    ["the axios / got shape (config.headers.Authorization)", () => new AxiosError("Request failed")],
    [
      "a plain-object cause",
      () => new TypeError("fetch failed", { cause: { headers: { authorization: `Bearer ${KEY}` } } }),
    ],
    ["a string cause", () => new TypeError("fetch failed", { cause: `proxy said: Bearer ${KEY}` })],
    [
      "an AggregateError",
      () => new AggregateError([new Error(`a ${KEY}`), { token: KEY }], "all attempts failed"),
    ],
    ["a cycle through a Headers object", cyclic],
    [
      "a thrown plain object",
      () => ({ message: `not an error ${KEY}`, config: { headers: { authorization: KEY } } }),
    ],
  ])("%s: connection error, the key nowhere in any rendering", async (_, make) => {
    const leaky = async () => {
      throw make();
    };
    const error = await craftedProvider(leaky, { maxRetries: 0 })
      .chat(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "connection" });
    expectNoKey(error);
    const stream = await runStream(craftedProvider(leaky, { maxRetries: 0 }).stream(request), 5_000);
    expect(stream.error?.kind).toBe("connection");
    expectNoKey(stream.error);
  });
});

describe("the openai SDK takes no OPENAI_* settings from the environment and logs nothing", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("OPENAI_CUSTOM_HEADERS, OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_LOG=debug", async () => {
    vi.stubEnv(
      "OPENAI_CUSTOM_HEADERS",
      "X-Leak: from-env\nAuthorization: Bearer sk-from0the0environment0000000\nx-stainless-lang: env",
    );
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:1/elsewhere");
    vi.stubEnv("OPENAI_API_KEY", "sk-openai0key0from0the0environment00");
    vi.stubEnv("OPENAI_ADMIN_KEY", "sk-admin0key0from0the0environment000");
    vi.stubEnv("OPENAI_ORG_ID", "org-from-env");
    vi.stubEnv("OPENAI_PROJECT_ID", "proj-from-env");
    vi.stubEnv("OPENAI_LOG", "debug");
    const logged = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level),
    );
    const seen: { url: string; headers: Headers }[] = [];
    const inner = scriptedFetch([
      {
        pieces: [
          encoder.encode(
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "ok" }, finish_reason: "stop" }] })}\n\ndata: [DONE]\n\n`,
          ),
        ],
      },
      {
        status: 401,
        headers: { "content-type": "application/json" },
        pieces: [
          encoder.encode(
            JSON.stringify({ error: { message: `Incorrect API key ${KEY}`, code: "invalid_api_key" } }),
          ),
        ],
      },
    ]);
    const fetch: typeof inner = Object.assign(
      (input: string | URL | Request, init?: RequestInit) => {
        seen.push({ url: String(input), headers: new Headers(init?.headers) });
        return inner(input, init);
      },
      { calls: 0, openBodies: 0 },
    );
    const qwen = craftedProvider(fetch, { maxRetries: 0, defaultHeaders: { "x-mine": "kept" } });
    const stream = await runStream(qwen.stream(request), 5_000);
    expect(stream.result?.text).toBe("ok");
    await qwen.chat(request).catch(() => undefined);
    expect(seen).toHaveLength(2);
    for (const { url, headers } of seen) {
      expect(url.startsWith("https://dashscope-intl.aliyuncs.com/compatible-mode/v1/")).toBe(true);
      expect(headers.get("authorization")).toBe(`Bearer ${KEY}`);
      expect(headers.get("x-leak")).toBeNull();
      expect(headers.get("openai-organization")).toBeNull();
      expect(headers.get("openai-project")).toBeNull();
      expect(headers.get("x-mine")).toBe("kept");
    }
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    expect(inspect(qwen.client)).not.toContain("sk-admin0key");
  });
});
