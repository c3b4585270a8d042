import { describe, expect, it } from "vitest";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { chatRequest, HOSTS, streamed, testHost } from "./test-utils/hosts.js";
import { countEvents, jsonFrames, readSse } from "./test-utils/sse.js";
import { utf8Length } from "./tokens.js";

const HOST = testHost("dashscope-intl.aliyuncs.com");
type Frame = Record<string, unknown>;
const delta = (frame: Frame) =>
  ((frame.choices as { delta?: Record<string, unknown> }[])[0]?.delta ?? {}) as Record<string, unknown>;
const contentFrames = (frames: Frame[]) =>
  frames.filter((frame) => typeof delta(frame).content === "string" && delta(frame).content !== "");

async function send(body: unknown, headers: Record<string, string>, host = HOST) {
  const mock = createDashscopeMockHandler();
  return mock.handle(chatRequest(host.baseUrl, body, { key: host.key, headers }));
}

async function frames(body: unknown, headers: Record<string, string>, host = HOST) {
  const response = await send(body, headers, host);
  expect(response.status).toBe(200);
  return jsonFrames(await readSse(response));
}

const WEATHER = {
  type: "function",
  function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
};

describe("x-mock-chunks", () => {
  it.each(HOSTS.flatMap((host) => [0, 1, 7, 250].map((n) => ({ ...host, n }))))(
    "$host streams exactly $n content chunks, counted as $n completion tokens",
    async (host) => {
      const all = await frames(streamed(host.model), { "x-mock-chunks": String(host.n) }, host);
      expect(contentFrames(all)).toHaveLength(host.n);
      expect(all).toHaveLength(host.n + 3);
      expect(all.at(-1)?.usage).toMatchObject({ completion_tokens: host.n });
    },
  );

  it("sizes a non-streamed reply the same way", async () => {
    const response = await send(
      { model: "qwen3-coder-plus", messages: [{ role: "user", content: "Hi" }] },
      { "x-mock-chunks": "40" },
    );
    const body = (await response.json()) as {
      choices: { message: { content: string } }[];
      usage: { completion_tokens: number };
    };
    expect(body.usage.completion_tokens).toBe(40);
    expect(body.choices[0]?.message.content.split(" ")).toHaveLength(40);
  });

  it("streams 100,000 chunks, frame by frame", async () => {
    const response = await send(streamed("qwen3-coder-plus"), { "x-mock-chunks": "100000" });
    expect(await countEvents(response)).toBe(100_000 + 4);
  });

  // A body built up front would never hand over its first read (a billion frames): the test's timeout.
  it("produces frames lazily: the first read of a billion-chunk stream is its first frames only", async () => {
    const response = await send(streamed("qwen3-coder-plus"), { "x-mock-chunks": "1000000000" });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const { value } = await reader.read();
    await reader.cancel();
    expect(new TextDecoder().decode(value)).toMatch(
      /^data: \{"choices":\[\{"delta":\{"content":"","role":"assistant"\}/,
    );
    expect(value?.byteLength).toBeLessThan(64 * 1024);
  });

  it("is cut by max_completion_tokens, finishing with length", async () => {
    const all = await frames(streamed("qwen3-coder-plus", { max_completion_tokens: 5 }), {
      "x-mock-chunks": "50",
    });
    expect(contentFrames(all)).toHaveLength(5);
    expect(all.at(-2)?.choices).toEqual([expect.objectContaining({ finish_reason: "length" })]);
  });
});

describe("x-mock-reasoning-chunks", () => {
  it("streams exactly N reasoning chunks, the first with the role", async () => {
    const all = await frames(streamed("qwen3.6-plus"), {
      "x-mock-reasoning-chunks": "12",
      "x-mock-chunks": "3",
    });
    const reasoning = all.filter((frame) => typeof delta(frame).reasoning_content === "string");
    expect(reasoning).toHaveLength(12);
    expect(delta(all[0] ?? {}).role).toBe("assistant");
    expect(all.at(-1)?.usage).toMatchObject({
      completion_tokens: 15,
      completion_tokens_details: { reasoning_tokens: 12, text_tokens: 15 },
    });
  });

  it("follows thinking_budget when not set", async () => {
    const all = await frames(streamed("qwen3.6-plus", { thinking_budget: 2 }), {});
    expect(all.filter((frame) => typeof delta(frame).reasoning_content === "string")).toHaveLength(2);
  });
});

describe("x-mock-tool-arguments-bytes", () => {
  const body = streamed("qwen3-coder-plus", { tools: [WEATHER], tool_choice: "required" });
  const argumentsOf = (all: Frame[]) =>
    all
      .flatMap(
        (frame) => (delta(frame).tool_calls as { function: { arguments: string } }[] | undefined) ?? [],
      )
      .map((call) => call.function.arguments)
      .join("");

  it.each([20, 100, 4096, 1_000_000])("makes arguments of exactly %i bytes", async (n) => {
    const args = argumentsOf(await frames(body, { "x-mock-tool-arguments-bytes": String(n) }));
    expect(utf8Length(args)).toBe(n);
    expect(Object.keys(JSON.parse(args) as object)).toEqual(["city"]);
  });

  it("never makes arguments shorter than the object with an empty value", async () => {
    const args = argumentsOf(await frames(body, { "x-mock-tool-arguments-bytes": "0" }));
    expect(args).toBe('{"city":""}');
  });

  it("sends arguments in fragments of at most 64 characters after the first key", async () => {
    const all = await frames(body, { "x-mock-tool-arguments-bytes": "1000" });
    const fragments = all
      .flatMap(
        (frame) => (delta(frame).tool_calls as { function: { arguments: string } }[] | undefined) ?? [],
      )
      .map((call) => call.function.arguments);
    expect(fragments[0]).toBe('{"city":');
    expect(fragments.slice(1).every((fragment) => fragment.length <= 64)).toBe(true);
    expect(fragments).toHaveLength(1 + Math.ceil((1000 - 8) / 64));
  });
});

describe("x-mock-cached-tokens", () => {
  const usageOf = async (model: string, cached: string) =>
    (await frames(streamed(model), { "x-mock-cached-tokens": cached })).at(-1)?.usage as Record<
      string,
      unknown
    >;

  it("reports cached prompt tokens after the totals", async () => {
    const usage = await usageOf("qwen3-coder-plus", "3");
    expect(Object.keys(usage)).toEqual([
      "prompt_tokens",
      "completion_tokens",
      "total_tokens",
      "prompt_tokens_details",
    ]);
    expect(usage.prompt_tokens_details).toEqual({ cached_tokens: 3 });
  });

  it("adds them beside text_tokens for a thinking model, never more than the prompt", async () => {
    const usage = await usageOf("qwen3.6-plus", "1000000");
    expect(usage.prompt_tokens_details).toEqual({
      text_tokens: usage.prompt_tokens,
      cached_tokens: usage.prompt_tokens,
    });
  });
});

describe("malformed controls", () => {
  it.each([
    ["x-mock-chunks", "-1"],
    ["x-mock-chunks", "ten"],
    ["x-mock-chunks", "1.5"],
    ["x-mock-reasoning-chunks", "0"],
    ["x-mock-tool-arguments-bytes", "999999999999"],
    ["x-mock-cached-tokens", "some"],
  ])("%s: %s gets a 400 naming the header", async (header, value) => {
    const response = await send(streamed("qwen3-coder-plus"), { [header]: value });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { param: string; code: string; message: string } };
    expect(body.error).toMatchObject({ param: header, code: "mock_invalid_control_header" });
    expect(body.error.message).toContain(value);
  });
});
