import { setupServer } from "msw/node";
import OpenAI, { APIError } from "openai";
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
} from "openai/resources/chat/completions";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dashscopeHandlers } from "./handlers.js";
import { MOCK_ERROR_NAMES, MOCK_ERRORS } from "./mock-errors.js";
import { createRecorder } from "./recorder.js";
import { HOSTS, type TestHost } from "./test-utils/hosts.js";

const recorder = createRecorder();
const server = setupServer(...dashscopeHandlers({ recorder }));

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => recorder.clear());
afterAll(() => server.close());

// Created per test: the SDK captures the global fetch that msw patches in listen().
const client = (host: TestHost, key = host.key) =>
  new OpenAI({ apiKey: key, baseURL: host.baseUrl, maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Who are you?" }];

async function collect(stream: AsyncIterable<ChatCompletionChunk>) {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
  return { chunks, text };
}

async function apiError(promise: Promise<unknown>): Promise<APIError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe.each(HOSTS)("the openai SDK against $host", (host) => {
  it("streams with usage: text, finish reason, one usage chunk with choices []", async () => {
    const stream = await client(host).chat.completions.create({
      model: host.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const { chunks, text } = await collect(stream);
    expect(text.length).toBeGreaterThan(0);
    const usageChunk = chunks.at(-1);
    expect(usageChunk?.choices).toEqual([]);
    expect(usageChunk?.usage?.total_tokens).toBe(
      (usageChunk?.usage?.prompt_tokens ?? 0) + (usageChunk?.usage?.completion_tokens ?? 0),
    );
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it("streams without usage when not asked", async () => {
    const stream = await client(host).chat.completions.create({ model: host.model, messages, stream: true });
    const { chunks } = await collect(stream);
    expect(chunks.every((chunk) => chunk.usage === null && chunk.choices.length === 1)).toBe(true);
  });

  it("completes without streaming, with the request id of the header", async () => {
    const { data, request_id } = await client(host)
      .chat.completions.create({ model: host.model, messages })
      .withResponse();
    expect(data.object).toBe("chat.completion");
    expect(data.id).toBe(`chatcmpl-${request_id}`);
    expect(data.choices[0]?.message.content).toMatch(/\.$/);
    expect(data.usage?.total_tokens).toBe(
      (data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0),
    );
  });

  it("streams reasoning_content before content for a thinking model", async () => {
    const body = {
      model: "qwen3.5-plus",
      messages,
      stream: true,
      stream_options: { include_usage: true },
      enable_thinking: true,
    } as ChatCompletionCreateParamsStreaming;
    const { chunks } = await collect(await client(host).chat.completions.create(body));
    const deltas = chunks.flatMap((chunk) =>
      chunk.choices.map((choice) => choice.delta as Record<string, unknown>),
    );
    const kinds = deltas
      .map((d) => (typeof d.reasoning_content === "string" ? "r" : d.content ? "c" : "-"))
      .join("");
    expect(kinds).toMatch(/^r+c+-$/);
  });

  it("streams a tool call the SDK can assemble", async () => {
    const stream = await client(host).chat.completions.create({
      model: host.model,
      messages: [{ role: "user", content: "Call get_current_weather for Hangzhou" }],
      tools: [
        {
          type: "function",
          function: {
            name: "get_current_weather",
            parameters: { type: "object", properties: { location: { type: "string" } } },
          },
        },
      ],
      stream: true,
    });
    const { chunks } = await collect(stream);
    const fragments = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(fragments[0]?.id).toMatch(/^call_/);
    expect(JSON.parse(fragments.map((fragment) => fragment.function?.arguments ?? "").join(""))).toEqual({
      location: expect.any(String),
    });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("gets the host's 401 for a key of the other plan", async () => {
    const error = await apiError(
      client(host, host.wrongKey).chat.completions.create({ model: host.model, messages }),
    );
    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_api_key");
    expect(error.message).toContain(
      host.plan === "coding" ? "invalid access token" : "Incorrect API key provided.",
    );
  });

  it.each(MOCK_ERROR_NAMES)("surfaces the %s fault as an APIError with its status and code", async (name) => {
    const promise = client(host).chat.completions.create(
      { model: host.model, messages },
      { headers: { "x-mock-fault": `error;error=${name}` } },
    );
    const error = await apiError(promise);
    const spec = MOCK_ERRORS[name];
    expect(error.status).toBe(spec.status);
    expect(error.code ?? null).toBe(spec.code);
    expect(error.requestID).toMatch(/^[0-9a-f-]{36}$/);
    if (spec.layout === "string") expect(error.error).toBe(spec.message);
  });

  it("surfaces a mid-stream error frame as an APIError with its code", async () => {
    const stream = await client(host).chat.completions.create(
      { model: host.model, messages, stream: true },
      { headers: { "x-mock-fault": "mid-stream-error;afterChunks=2;error=content-moderation" } },
    );
    const error = await apiError(collect(stream));
    expect(error.code).toBe("data_inspection_failed");
  });

  it("fails the stream on a dropped connection", async () => {
    const stream = await client(host).chat.completions.create(
      { model: host.model, messages, stream: true },
      { headers: { "x-mock-fault": "drop-connection;afterChunks=2" } },
    );
    const seen: ChatCompletionChunk[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk);
      })(),
    ).rejects.toThrow();
    expect(seen).toHaveLength(2);
  });

  it("is recorded with the key masked", async () => {
    await client(host).chat.completions.create({ model: host.model, messages });
    const recorded = recorder.last();
    expect(recorded).toMatchObject({
      method: "POST",
      host: host.host,
      body: { model: host.model, messages },
    });
    expect(recorded?.headers.authorization).toBe(
      `Bearer ${host.plan === "coding" ? "sk-sp-" : "sk-"}…${host.key.slice(-4)}`,
    );
  });
});

describe.each(HOSTS.filter((host) => host.plan === "standard"))("models on $host", (host) => {
  it("lists the catalog through the SDK", async () => {
    const ids: string[] = [];
    for await (const model of client(host).models.list()) ids.push(model.id);
    expect(ids).toContain("qwen3.5-plus");
  });
});

describe.each(HOSTS.filter((host) => host.plan === "coding"))("models on $host", (host) => {
  it("is a 404 through the SDK", async () => {
    const error = await apiError(client(host).models.list());
    expect(error.status).toBe(404);
  });
});
