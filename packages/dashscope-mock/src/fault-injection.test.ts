import { describe, expect, it } from "vitest";
import type { MockFaultRule } from "./faults/rules.js";
import { errorBody, MOCK_ERROR_NAMES, MOCK_ERRORS } from "./mock-errors.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { ConnectionDroppedError } from "./sse-body.js";
import { chatRequest, streamed, testHost } from "./test-utils/hosts.js";
import { jsonFrames, parseSse } from "./test-utils/sse.js";

const HOST = testHost("dashscope-intl.aliyuncs.com");
const BODY = streamed("qwen3-coder-plus");
/** Frames of BODY with x-mock-chunks: 3: role, 3 content, finish, usage. */
const FRAMES = 6;

async function send(
  headers: Record<string, string>,
  options: { body?: unknown; faults?: MockFaultRule[] } = {},
) {
  const mock = createDashscopeMockHandler({ faults: options.faults ?? [] });
  const request = chatRequest(HOST.baseUrl, options.body ?? BODY, {
    key: HOST.key,
    headers: { "x-mock-chunks": "3", ...headers },
  });
  return mock.handle(request);
}

/** Reads a body to its end, returning the text and the error the read ended with, if any. */
async function drain(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

describe("error faults", () => {
  it.each(MOCK_ERROR_NAMES)("%s answers its status and body", async (name) => {
    const response = await send({ "x-mock-fault": `error;error=${name}` });
    const requestId = response.headers.get("x-request-id") ?? "";
    expect(response.status).toBe(MOCK_ERRORS[name].status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(
      errorBody(name, { requestId, model: "qwen3-coder-plus", maxInput: 1_000_000 - 4_096 }),
    );
  });

  it.each(MOCK_ERROR_NAMES)("%s can come SSE-framed", async (name) => {
    const response = await send({ "x-mock-fault": `error;error=${name};sseFramed=true` });
    expect(response.status).toBe(MOCK_ERRORS[name].status);
    expect(response.headers.get("content-type")).toBe("text/event-stream;charset=UTF-8");
    const events = parseSse(await response.text());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "json", value: { error: expect.anything() } });
  });

  it("adds retry-after only when asked", async () => {
    const asked = await send({ "x-mock-fault": "error;error=rate-limit;retryAfterSeconds=7" });
    const plain = await send({ "x-mock-fault": "error;error=rate-limit" });
    expect([asked.headers.get("retry-after"), plain.headers.get("retry-after")]).toEqual(["7", null]);
  });

  it("sends a huge retry-after as an integer", async () => {
    const seconds = Number.MAX_SAFE_INTEGER;
    const response = await send({ "x-mock-fault": `error;error=rate-limit;retryAfterSeconds=${seconds}` });
    expect(response.headers.get("retry-after")).toBe("9007199254740991");
    const rule = await send(
      {},
      { faults: [{ fault: { type: "error", error: "rate-limit", retryAfterSeconds: seconds } }] },
    );
    expect(rule.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it.each([
    "error;error=rate-limit;retryAfterSeconds=100000000000000000000000",
    "slow-first-byte;delayMs=2147483648",
    "chunk-delay;delayMs=99999999999",
  ])("answers %s with a 400 instead of a timer that would fire at once", async (fault) => {
    const response = await send({ "x-mock-fault": fault });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "mock_invalid_control_header", param: "x-mock-fault" },
    });
  });

  it("still checks the key first", async () => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(
      chatRequest(HOST.baseUrl, BODY, {
        key: HOST.wrongKey,
        headers: { "x-mock-fault": "error;error=rate-limit" },
      }),
    );
    expect(response.status).toBe(401);
  });
});

describe("stream faults", () => {
  it.each([0, 2, FRAMES])(
    "mid-stream-error after %i frames sends the error frame and no [DONE]",
    async (after) => {
      const { text, error } = await drain(
        await send({ "x-mock-fault": `mid-stream-error;afterChunks=${after}` }),
      );
      expect(error).toBeUndefined();
      const events = parseSse(text);
      expect(events).toHaveLength(after + 1);
      expect(events.at(-1)).toMatchObject({ kind: "json", value: { error: { code: "internal_error" } } });
    },
  );

  it("mid-stream-error sends the named error", async () => {
    const response = await send({
      "x-mock-fault": "mid-stream-error;afterChunks=1;error=content-moderation",
    });
    const events = parseSse(await response.text());
    expect(events[1]).toMatchObject({ kind: "json", value: { error: { code: "data_inspection_failed" } } });
  });

  it.each([0, 3, 100])("drop-connection after %i frames fails the read after those frames", async (after) => {
    const response = await send({ "x-mock-fault": `drop-connection;afterChunks=${after}` });
    expect(response.status).toBe(200);
    const { text, error } = await drain(response);
    expect(error).toBeInstanceOf(ConnectionDroppedError);
    expect(parseSse(text)).toHaveLength(Math.min(after, FRAMES));
  });

  it("drop-connection gives a non-streamed request no response at all", async () => {
    const response = await send(
      { "x-mock-fault": "drop-connection;afterChunks=0" },
      { body: { ...BODY, stream: false } },
    );
    expect(response.type).toBe("error");
  });

  it("truncated-frame sends half of the next frame and ends the stream", async () => {
    const { text, error } = await drain(await send({ "x-mock-fault": "truncated-frame;afterChunks=2" }));
    expect(error).toBeUndefined();
    const [whole, partial] = [
      text.slice(0, text.lastIndexOf("\n\n") + 2),
      text.slice(text.lastIndexOf("\n\n") + 2),
    ];
    expect(parseSse(whole)).toHaveLength(2);
    expect(partial).toMatch(/^data: \{"choices"/);
    expect(() => JSON.parse(partial.slice("data: ".length))).toThrow();
  });

  it("truncated-frame cuts a non-streamed body in half", async () => {
    const response = await send(
      { "x-mock-fault": "truncated-frame;afterChunks=0" },
      { body: { ...BODY, stream: false } },
    );
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(text.length));
    expect(() => JSON.parse(text)).toThrow();
  });

  it("missing-usage leaves out the usage frame despite include_usage", async () => {
    const frames = jsonFrames(parseSse(await (await send({ "x-mock-fault": "missing-usage" })).text()));
    expect(frames).toHaveLength(FRAMES - 1);
    expect(frames.every((frame) => frame.usage === null)).toBe(true);
  });

  it.each([
    ["missing-done", 0],
    ["duplicate-done", 2],
  ])("%s sends [DONE] %i times", async (fault, times) => {
    const events = parseSse(await (await send({ "x-mock-fault": fault })).text());
    expect(events.filter((event) => event.kind === "done")).toHaveLength(times);
    expect(events).toHaveLength(FRAMES + times);
  });

  it("slow-first-byte delays the response", async () => {
    const started = performance.now();
    await send({ "x-mock-fault": "slow-first-byte;delayMs=120" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("chunk-delay waits between frames", async () => {
    const response = await send({ "x-mock-fault": "chunk-delay;delayMs=25" });
    const started = performance.now();
    const { text } = await drain(response);
    expect(parseSse(text)).toHaveLength(FRAMES + 1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25 * FRAMES - 10);
  });

  it("combines faults of one header", async () => {
    const events = parseSse(await (await send({ "x-mock-fault": "missing-usage, duplicate-done" })).text());
    expect(events.map((event) => event.kind)).toEqual([...Array(FRAMES - 1).fill("json"), "done", "done"]);
  });
});

describe("in-process fault rules", () => {
  it("apply like the header, `times` times", async () => {
    const mock = createDashscopeMockHandler({
      faults: [{ fault: { type: "error", error: "model-unavailable" }, times: 1 }],
    });
    const request = () => chatRequest(HOST.baseUrl, BODY, { key: HOST.key });
    expect((await mock.handle(request())).status).toBe(503);
    expect((await mock.handle(request())).status).toBe(200);
  });

  it("see the recorded request in `match`", async () => {
    const mock = createDashscopeMockHandler({
      faults: [
        {
          fault: { type: "error", error: "rate-limit" },
          match: (request) => request.host.startsWith("coding"),
        },
      ],
    });
    const [standard, coding] = [
      testHost("dashscope-intl.aliyuncs.com"),
      testHost("coding-intl.dashscope.aliyuncs.com"),
    ];
    expect((await mock.handle(chatRequest(standard.baseUrl, BODY, { key: standard.key }))).status).toBe(200);
    expect((await mock.handle(chatRequest(coding.baseUrl, BODY, { key: coding.key }))).status).toBe(429);
  });

  it("add to the header's faults, the header winning for the same kind", async () => {
    const response = await send(
      { "x-mock-fault": "error;error=arrearage" },
      { faults: [{ fault: { type: "error", error: "rate-limit" } }, { fault: { type: "missing-done" } }] },
    );
    expect(response.status).toBe(400);
  });

  it("can be added at run time with useFaults and dropped with reset", async () => {
    const mock = createDashscopeMockHandler();
    const request = () => chatRequest(HOST.baseUrl, BODY, { key: HOST.key });
    mock.useFaults({ fault: { type: "error", error: "internal-error" } });
    expect((await mock.handle(request())).status).toBe(500);
    mock.reset();
    expect((await mock.handle(request())).status).toBe(200);
  });
});
