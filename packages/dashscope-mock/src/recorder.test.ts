import { describe, expect, it } from "vitest";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { createRecorder, type RecordedRequest } from "./recorder.js";
import { CODING_KEY, chatRequest, HOSTS, STANDARD_KEY, streamed, testHost } from "./test-utils/hosts.js";

const entry = (path: string): RecordedRequest => ({
  method: "GET",
  url: `https://dashscope.aliyuncs.com${path}`,
  host: "dashscope.aliyuncs.com",
  path,
  headers: {},
  body: undefined,
});

describe("createRecorder", () => {
  it("keeps requests oldest first, and clears them", () => {
    const recorder = createRecorder();
    recorder.record(entry("/a"));
    recorder.record(entry("/b"));
    expect(recorder.requests.map((r) => r.path)).toEqual(["/a", "/b"]);
    expect(recorder.last()?.path).toBe("/b");
    recorder.clear();
    expect(recorder.requests).toEqual([]);
    expect(recorder.last()).toBeUndefined();
  });

  it("keeps only the newest `limit` requests", () => {
    const recorder = createRecorder({ limit: 2 });
    for (const path of ["/a", "/b", "/c"]) recorder.record(entry(path));
    expect(recorder.requests.map((r) => r.path)).toEqual(["/b", "/c"]);
    const none = createRecorder({ limit: 0 });
    none.record(entry("/a"));
    expect(none.requests).toEqual([]);
  });

  it("rejects a limit that is not a whole number", () => {
    expect(() => createRecorder({ limit: -1 })).toThrowError(RangeError);
    expect(() => createRecorder({ limit: 1.5 })).toThrowError(/whole number/);
  });
});

describe("recording by the mock", () => {
  it.each(HOSTS)("records a request to $host with the key masked", async (host) => {
    const recorder = createRecorder();
    const mock = createDashscopeMockHandler({ recorder });
    const body = streamed(host.model);
    await mock.handle(chatRequest(host.baseUrl, body, { key: host.key, headers: { "X-Trace": "t-1" } }));
    const recorded = recorder.last();
    expect(recorded).toEqual({
      method: "POST",
      url: `${host.baseUrl}/chat/completions`,
      host: host.host,
      path: `${new URL(host.baseUrl).pathname}/chat/completions`,
      headers: expect.objectContaining({
        authorization: `Bearer ${host.key.startsWith("sk-sp-") ? "sk-sp-" : "sk-"}…${host.key.slice(-4)}`,
        "x-trace": "t-1",
        "content-type": "application/json",
      }),
      body,
    });
    expect(JSON.stringify(recorder.requests)).not.toContain(host.key);
  });

  it("masks every header and query parameter that carries a key", async () => {
    const mock = createDashscopeMockHandler();
    const host = testHost("dashscope.aliyuncs.com");
    await mock.handle(
      new Request(`${host.baseUrl}/models?api_key=${STANDARD_KEY}&limit=2`, {
        headers: {
          authorization: `Bearer ${STANDARD_KEY}`,
          "x-api-key": STANDARD_KEY,
          "api-key": STANDARD_KEY,
        },
      }),
    );
    const recorded = mock.recorder.last();
    const masked = `sk-…${STANDARD_KEY.slice(-4)}`;
    expect(recorded?.headers).toMatchObject({
      authorization: `Bearer ${masked}`,
      "x-api-key": masked,
      "api-key": masked,
    });
    expect(recorded?.url).toBe(`${host.baseUrl}/models?api_key=${masked}&limit=2`);
    expect(JSON.stringify(recorded)).not.toContain(STANDARD_KEY);
  });

  it("records rejected requests too (wrong key, bad body)", async () => {
    const mock = createDashscopeMockHandler();
    await mock.handle(
      chatRequest(testHost("dashscope.aliyuncs.com").baseUrl, { model: "x" }, { key: CODING_KEY }),
    );
    const request = new Request(`${testHost("dashscope.aliyuncs.com").baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${STANDARD_KEY}` },
      body: "{not json",
    });
    await mock.handle(request);
    expect(mock.recorder.requests.map((r) => r.body)).toEqual([{ model: "x" }, undefined]);
  });

  it("records GET /models without a body", async () => {
    const mock = createDashscopeMockHandler();
    await mock.handle(
      new Request(`${testHost("dashscope.aliyuncs.com").baseUrl}/models`, {
        headers: { authorization: `Bearer ${STANDARD_KEY}` },
      }),
    );
    expect(mock.recorder.last()).toMatchObject({
      method: "GET",
      path: "/compatible-mode/v1/models",
      body: undefined,
    });
  });
});
