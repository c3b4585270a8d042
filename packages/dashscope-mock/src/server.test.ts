import { request as httpRequest } from "node:http";
import OpenAI, { APIError } from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashscopeMockServer, startDashscopeMockServer } from "./server.js";
import { HOSTS, STANDARD_KEY, testHost } from "./test-utils/hosts.js";
import { countEvents, parseSse } from "./test-utils/sse.js";

let server: DashscopeMockServer;

beforeAll(async () => {
  server = await startDashscopeMockServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const intl = testHost("dashscope-intl.aliyuncs.com");
const client = (host: (typeof HOSTS)[number]) =>
  new OpenAI({ apiKey: host.key, baseURL: server.baseUrlFor(host.host), maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Hi" }];

function post(headers: Record<string, string> = {}, body: Record<string, unknown> = {}, host = intl) {
  return fetch(`${server.baseUrlFor(host.host)}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${host.key}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({
      model: host.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      ...body,
    }),
  });
}

async function collect(stream: AsyncIterable<ChatCompletionChunk>) {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("startDashscopeMockServer", () => {
  it("listens on 127.0.0.1 and names each host's base URL by a path prefix", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseUrlFor("coding-intl.dashscope.aliyuncs.com")).toBe(
      `${server.url}/coding-intl.dashscope.aliyuncs.com/v1`,
    );
    expect(server.baseUrlFor("dashscope.aliyuncs.com")).toBe(
      `${server.url}/dashscope.aliyuncs.com/compatible-mode/v1`,
    );
  });

  it.each(HOSTS)("serves $host to the openai SDK: streamed with usage", async (host) => {
    const chunks = await collect(
      await client(host).chat.completions.create({
        model: host.model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
  });

  it.each(HOSTS)("serves $host to the openai SDK: streamed without usage, and not streamed", async (host) => {
    const chunks = await collect(
      await client(host).chat.completions.create({ model: host.model, messages, stream: true }),
    );
    expect(chunks.every((chunk) => chunk.usage === null)).toBe(true);
    const completion = await client(host).chat.completions.create({ model: host.model, messages });
    expect(completion.choices[0]?.message.content).toMatch(/\.$/);
    expect(server.recorder.last()).toMatchObject({
      host: host.host,
      url: `${server.baseUrlFor(host.host)}/chat/completions`,
    });
  });

  it.each(HOSTS)("gives the SDK the status and code of an error fault on $host", async (host) => {
    const error = await client(host)
      .chat.completions.create(
        { model: host.model, messages },
        { headers: { "x-mock-fault": "error;error=arrearage" } },
      )
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).code).toBe("Arrearage");
  });

  it("streams with chunked framing and the request id header", async () => {
    const response = await post();
    expect(response.headers.get("content-type")).toBe("text/event-stream;charset=UTF-8");
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const events = parseSse(await response.text());
    expect(events.at(-1)).toEqual({ kind: "done" });
    expect(events[0]).toMatchObject({ value: { id: `chatcmpl-${response.headers.get("x-request-id")}` } });
  });

  it("writes frames as they are produced, without buffering the stream", async () => {
    const started = performance.now();
    const response = await post({ "x-mock-fault": "chunk-delay;delayMs=60", "x-mock-chunks": "4" });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const firstByte = performance.now() - started;
    while (!(await reader.read()).done) {
      // drain
    }
    const total = performance.now() - started;
    expect(firstByte).toBeLessThan(total - 200);
  });

  it("streams 100,000 chunks over HTTP", async () => {
    const response = await post({ "x-mock-chunks": "100000" });
    expect(await countEvents(response)).toBe(100_000 + 4);
  });

  it("drops the connection mid-stream on request", async () => {
    const response = await post({ "x-mock-fault": "drop-connection;afterChunks=2" });
    await expect(response.text()).rejects.toThrow();
  });

  it("drops a non-streamed request before answering", async () => {
    await expect(
      post({ "x-mock-fault": "drop-connection;afterChunks=0" }, { stream: false }),
    ).rejects.toThrow();
  });

  it("truncates a frame and ends the stream cleanly", async () => {
    const text = await (await post({ "x-mock-fault": "truncated-frame;afterChunks=1" })).text();
    expect(text.endsWith("\n\n")).toBe(false);
    expect(text.split("\n\n")).toHaveLength(2);
  });

  it("delays the first byte", async () => {
    const started = performance.now();
    await post({ "x-mock-fault": "slow-first-byte;delayMs=150" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("sends the SSE-framed error body with retry-after", async () => {
    const response = await post({
      "x-mock-fault": "error;error=rate-limit;sseFramed=true;retryAfterSeconds=1",
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.text()).toMatch(/^data: \{"error":\{"message":"You have exceeded/);
  });

  it("answers 404 to a path outside the hosts", async () => {
    const response = await fetch(`${server.url}/api.openai.com/v1/chat/completions`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(404);
  });

  // Throughput is a benchmark figure (pnpm bench, "mock throughput"); here only correctness under concurrency.
  it("completes every one of many concurrent short streams", async () => {
    const total = 400;
    let next = 0;
    let completed = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        const text = await (await post({ "x-mock-chunks": "5" })).text();
        expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
        completed++;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(completed).toBe(total);
  });
});

describe("server options and shutdown", () => {
  it("applies in-process fault rules", async () => {
    const faulty = await startDashscopeMockServer({
      faults: [{ fault: { type: "error", error: "rate-limit" }, times: 1 }],
    });
    try {
      const url = `${faulty.baseUrlFor("dashscope.aliyuncs.com")}/chat/completions`;
      const init = {
        method: "POST",
        headers: { authorization: `Bearer ${STANDARD_KEY}` },
        body: JSON.stringify({ model: "qwen3-coder-plus", messages }),
      };
      expect((await fetch(url, init)).status).toBe(429);
      expect((await fetch(url, init)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it("closes while a stream is open, and stops accepting connections", async () => {
    const other = await startDashscopeMockServer();
    const url = `${other.baseUrlFor("dashscope.aliyuncs.com")}/chat/completions`;
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${STANDARD_KEY}`, "x-mock-chunks": "1000000000" },
      body: JSON.stringify({ model: "qwen3-coder-plus", messages, stream: true }),
    });
    await (response.body as ReadableStream<Uint8Array>).getReader().read();
    await other.close();
    const refused = await new Promise<unknown>((resolve) => {
      const req = httpRequest(other.url, { method: "GET" }, () => resolve(undefined));
      req.on("error", resolve);
      req.end();
    });
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("rejects a port out of range", async () => {
    await expect(startDashscopeMockServer({ port: 70_000 })).rejects.toThrowError(RangeError);
  });
});
