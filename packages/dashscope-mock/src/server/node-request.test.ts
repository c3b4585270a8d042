import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashscopeMockServer, startDashscopeMockServer } from "../server.js";
import { testHost } from "../test-utils/hosts.js";

const host = testHost("dashscope-intl.aliyuncs.com");
let server: DashscopeMockServer;
beforeAll(async () => {
  server = await startDashscopeMockServer({ maxRequestBodyBytes: 64 * 1024 });
});
afterAll(() => server.close());

/** Sends `total` bytes in 64 KiB writes without a content-length; resolves with the status it got. */
function stream(total: number): Promise<{ status: number | undefined; sent: number }> {
  return new Promise((resolve) => {
    const url = new URL(`${server.baseUrlFor(host.host)}/chat/completions`);
    let sent = 0;
    const request = httpRequest(url, {
      method: "POST",
      headers: { authorization: `Bearer ${host.key}`, "content-type": "application/json" },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode, sent }));
    });
    request.on("error", () => resolve({ status: undefined, sent }));
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const write = () => {
      while (sent < total) {
        sent += piece.length;
        if (!request.write(piece)) {
          request.once("drain", write);
          return;
        }
      }
      request.end();
    };
    write();
  });
}

describe("the standalone server's body limit", () => {
  it("answers 413 to a chunked body above the limit, without reading it all", async () => {
    const { status } = await stream(64 * 1024 * 1024);
    expect(status).toBe(413);
  });

  it("answers 413 at once to a content-length above the limit", async () => {
    const response = await fetch(`${server.baseUrlFor(host.host)}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${host.key}`, "content-type": "application/json" },
      body: "x".repeat(64 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "mock_request_too_large" } });
  });

  it("keeps serving afterwards", async () => {
    await stream(1024 * 1024);
    const response = await fetch(`${server.baseUrlFor(host.host)}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${host.key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
    });
    expect(response.status).toBe(200);
  });
});
