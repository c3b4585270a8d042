import { describe, expect, it } from "vitest";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { DEFAULT_MAX_REQUEST_BODY_BYTES, RequestBodyTooLargeError, readRequestBody } from "./request-body.js";
import { chatRequest, testHost } from "./test-utils/hosts.js";

const HOST = testHost("dashscope-intl.aliyuncs.com");
const url = `${HOST.baseUrl}/chat/completions`;

/** A body of `bytes` bytes sent in pieces, counting how many pieces the reader pulled. */
function pieces(bytes: number, piece = 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const left = bytes - pulled * piece;
        if (left <= 0) return controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(Math.min(piece, left)).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

describe("readRequestBody", () => {
  it("stops reading as soon as the body passes the limit", async () => {
    const body = pieces(1024 * 1024);
    const request = {
      headers: new Headers(),
      body: body.stream,
      text: () => Promise.reject(new Error("unused")),
    };
    await expect(readRequestBody(request, 4096)).rejects.toBeInstanceOf(RequestBodyTooLargeError);
    expect(body.pulled()).toBeLessThanOrEqual(6);
  });

  it("refuses a declared content-length above the limit before reading anything", async () => {
    const body = pieces(10);
    const headers = new Headers({ "content-length": "5000" });
    const request = { headers, body: body.stream, text: () => Promise.reject(new Error("unused")) };
    await expect(readRequestBody(request, 4096)).rejects.toThrow("larger than 4096 bytes");
    expect(body.pulled()).toBe(0);
  });

  it("reads a body of exactly the limit, multi-byte characters split across pieces included", async () => {
    const text = "é".repeat(2048);
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 3) controller.enqueue(bytes.slice(at, at + 3));
        controller.close();
      },
    });
    const request = { headers: new Headers(), body: stream, text: () => Promise.reject(new Error("unused")) };
    expect(await readRequestBody(request, bytes.length)).toBe(text);
  });
});

describe("the mock's body limit", () => {
  it("answers 413 above maxRequestBodyBytes, in DashScope's error shape", async () => {
    const mock = createDashscopeMockHandler({ maxRequestBodyBytes: 1024 });
    const body = { model: "qwen-plus", messages: [{ role: "user", content: "x".repeat(2000) }] };
    const response = await mock.handle(chatRequest(HOST.baseUrl, body, { key: HOST.key }));
    expect(response.status).toBe(413);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({
      error: { code: "mock_request_too_large", message: expect.stringContaining("1024 bytes") },
    });
    expect(mock.recorder.requests).toEqual([]);
  });

  it("serves a body under the limit", async () => {
    const mock = createDashscopeMockHandler({ maxRequestBodyBytes: 1024 });
    const body = { model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] };
    expect((await mock.handle(chatRequest(HOST.baseUrl, body, { key: HOST.key }))).status).toBe(200);
  });

  it("defaults to 16 MiB", async () => {
    expect(DEFAULT_MAX_REQUEST_BODY_BYTES).toBe(16 * 1024 * 1024);
    const mock = createDashscopeMockHandler();
    const stream = pieces(DEFAULT_MAX_REQUEST_BODY_BYTES + 1, 1024 * 1024).stream;
    const request = new Request(url, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect((await mock.handle(request)).status).toBe(413);
  });

  it.each([-1, 1.5, Number.NaN])("refuses maxRequestBodyBytes %s", (limit) => {
    expect(() => createDashscopeMockHandler({ maxRequestBodyBytes: limit })).toThrowError(RangeError);
  });
});
