import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import { ResponseTooLarge } from "../transport-failures.js";
import { guardedFetch } from "./guarded-fetch.js";

const envelope = { error: { message: "m", code: "limit_requests" }, request_id: "body-id" };
const answering = (response: Response) => guardedFetch(async () => response);
const URL_ = "http://127.0.0.1/v1/chat/completions";

describe("guardedFetch on error responses", () => {
  it("turns an SSE-framed error body into a flat JSON envelope and copies request_id to x-request-id", async () => {
    const response = await answering(
      new Response(`data: ${JSON.stringify(envelope)}\n\n`, {
        status: 429,
        headers: { "content-type": "text/event-stream", "retry-after": "3" },
      }),
    )(URL_);
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("retry-after")).toBe("3");
    expect(response.headers.get("x-request-id")).toBe("body-id");
    expect(await response.json()).toEqual({
      error: { message: "m", code: "limit_requests", type: null, param: null },
      request_id: "body-id",
    });
  });

  it("keeps an x-request-id the server sent, and a non-JSON body as the message", async () => {
    const withHeader = await answering(
      new Response(JSON.stringify(envelope), { status: 500, headers: { "x-request-id": "header-id" } }),
    )(URL_);
    expect(withHeader.headers.get("x-request-id")).toBe("header-id");
    const html = await answering(new Response("<html>bad gateway</html>", { status: 502 }))(URL_);
    expect(await html.json()).toMatchObject({ error: { message: "<html>bad gateway</html>" } });
  });

  it("masks a key the error body echoes, before the SDK sees it", async () => {
    const key = "sk-0123456789abcdef0123456789abcdef";
    const body = JSON.stringify({ error: { message: `bad key ${key}`, code: key }, request_id: key });
    const response = await guardedFetch(async () => new Response(body, { status: 401 }), { secrets: [key] })(
      URL_,
    );
    const text = await response.text();
    expect(text).not.toContain(key);
    expect(text).toContain("sk-…cdef");
    expect(response.headers.get("x-request-id")).toBe("sk-...cdef");
  });

  it("looks the global fetch up at call time, so interceptors installed later apply", async () => {
    const wrapped = guardedFetch();
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response("late", { status: 200 });
    try {
      expect(await (await wrapped(URL_)).text()).toBe("late");
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("guardedFetch on success responses", () => {
  it("passes an event stream through as the same object", async () => {
    const sse = new Response("data: {}\n\n", {
      headers: { "content-type": "text/event-stream; charset=utf-8" },
    });
    expect(await answering(sse)(URL_)).toBe(sse);
  });

  it("reads a JSON body up to the limit and fails past it", async () => {
    const within = await answering(new Response('{"ok":true}', { status: 200 }))(URL_);
    expect(await within.json()).toEqual({ ok: true });
    const piece = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += piece.length;
        controller.enqueue(piece);
      },
    });
    const huge = await answering(new Response(endless, { status: 200 }))(URL_);
    await expect(huge.text()).rejects.toBeInstanceOf(ResponseTooLarge);
    expect(sent).toBeLessThanOrEqual(LIMITS.jsonBodyBytes + 2 * piece.length);
  });
});
