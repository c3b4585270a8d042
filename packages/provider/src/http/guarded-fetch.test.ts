import { describe, expect, it } from "vitest";
import { normalizeErrorResponses } from "./error-response.js";

const envelope = { error: { message: "m", code: "limit_requests" }, request_id: "body-id" };
const answering = (response: Response) => normalizeErrorResponses(async () => response);

describe("normalizeErrorResponses", () => {
  it("passes a successful response through as the same object", async () => {
    const ok = new Response("{}", { status: 200 });
    expect(await answering(ok)("http://127.0.0.1/x")).toBe(ok);
  });

  it("turns an SSE-framed error body into its JSON payload and copies request_id to x-request-id", async () => {
    const response = await answering(
      new Response(`data: ${JSON.stringify(envelope)}\n\n`, {
        status: 429,
        headers: { "content-type": "text/event-stream", "retry-after": "3" },
      }),
    )("http://127.0.0.1/x");
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("retry-after")).toBe("3");
    expect(response.headers.get("x-request-id")).toBe("body-id");
    expect(await response.json()).toEqual(envelope);
  });

  it("keeps an x-request-id the server sent, and non-JSON bodies as they are", async () => {
    const withHeader = await answering(
      new Response(JSON.stringify(envelope), { status: 500, headers: { "x-request-id": "header-id" } }),
    )("http://127.0.0.1/x");
    expect(withHeader.headers.get("x-request-id")).toBe("header-id");
    const html = await answering(new Response("<html>bad gateway</html>", { status: 502 }))(
      "http://127.0.0.1/x",
    );
    expect(await html.text()).toBe("<html>bad gateway</html>");
  });

  it("looks the global fetch up at call time, so interceptors installed later apply", async () => {
    const wrapped = normalizeErrorResponses();
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response("late", { status: 200 });
    try {
      expect(await (await wrapped("http://127.0.0.1/x")).text()).toBe("late");
    } finally {
      globalThis.fetch = original;
    }
  });
});
