import { createGzip, gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { createQwenProvider } from "../provider.js";
import { KEYS } from "../test-utils/hosts.js";
import { withLoopbackServer, writeUntilClosed } from "./test-utils/loopback-server.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";

failOnUnhandledRejections();

const LIMIT_MS = 8_000;
const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const FAST_RETRIES = { initialDelayMs: 1, maxDelayMs: 5 };
const MiB = 1024 * 1024;

/** A provider for the loopback server (not a native host: nothing is shaped), with fast retries. */
const providerFor = (origin: string, maxRetries = 0) =>
  createQwenProvider({
    baseUrl: `${origin}/v1`,
    apiKey: KEYS.standard,
    env: {},
    maxRetries,
    retryDelays: FAST_RETRIES,
  });

const GOOD_BODY = gzipSync(JSON.stringify({ error: { code: "internal_error", message: "boom" } }));
/** A gzip body whose bytes were garbled in transit: the header is fine, the deflate data is not. */
const CORRUPT_GZIP = Buffer.concat([GOOD_BODY.subarray(0, 12), Buffer.from("garbage garbage garbage")]);

describe("a non-2xx body is read only to 64 KiB, the rest cancelled, the message cut", () => {
  it.each([
    ["plain", false],
    ["gzip-compressed", true],
  ])(
    "an endless %s 500 body: server-error with status 500 at once, the connection closed",
    async (_, gzip) => {
      let written = 0;
      await withLoopbackServer(
        async (_request, response) => {
          response.writeHead(500, {
            "content-type": "text/plain",
            ...(gzip ? { "content-encoding": "gzip" } : {}),
          });
          const line = `internal error ${"x".repeat(1000)}\n`;
          const sink = gzip ? createGzip() : response;
          if (gzip) (sink as ReturnType<typeof createGzip>).pipe(response);
          written = await writeUntilClosed(
            Object.assign(sink, {
              get destroyed() {
                return response.destroyed;
              },
            }),
            () => line,
            512 * MiB,
          );
          sink.end();
        },
        async (server) => {
          const started = performance.now();
          const error = await providerFor(server.origin)
            .chat(request)
            .catch((caught: unknown) => caught);
          expect(error).toMatchObject({ kind: "server-error", status: 500, retryable: true });
          expect((error as Error).message.length).toBeLessThan(2_200);
          expect(performance.now() - started).toBeLessThan(2_000);
          await server.idle();
        },
      );
      expect(written).toBeLessThan(64 * MiB);
    },
  );

  it("a 50 MB 400 body: invalid-request, its message cut to 2,000 characters", async () => {
    const body = JSON.stringify({
      error: { code: "invalid_parameter_error", message: "m".repeat(50_000_000) },
    });
    await withLoopbackServer(
      (_request, response) => {
        response.writeHead(400, { "content-type": "application/json" });
        response.end(body);
      },
      async (server) => {
        const error = await providerFor(server.origin)
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: "invalid-request", status: 400 });
        expect((error as Error).message.length).toBeLessThan(2_200);
      },
    );
  });
});

describe("an SSE-framed error body is parsed once, bounded", () => {
  it("8 MiB of tiny SSE records before the error frame: typed from the first 64 KiB, each of its records parsed at most once", async () => {
    // A million records that are not JSON: each one a failed parse if every record were tried
    // (three times over, 17 s, before the body was read once and bounded).
    const filler = "data: x\n\n".repeat((8 * MiB) / 9);
    const body = `${filler}\ndata: ${JSON.stringify({ error: { code: "limit_requests", message: "slow down" } })}\n\n`;
    await withLoopbackServer(
      (_request, response) => {
        response.writeHead(429, { "content-type": "text/event-stream" });
        response.end(body);
      },
      async (server) => {
        const parse = vi.spyOn(JSON, "parse");
        try {
          const error = await providerFor(server.origin)
            .chat(request)
            .catch((caught: unknown) => caught);
          // Only the first 64 KiB are read: the frame past them is not seen, the status still says rate-limit.
          expect(error).toMatchObject({ kind: "rate-limit", status: 429 });
          // Each record of those 64 KiB is tried at most once (before: every record of the 8 MiB, three times).
          const recordsRead = (64 * 1024) / "data: x\n\n".length;
          expect(parse.mock.calls.length).toBeLessThanOrEqual(recordsRead + 10);
        } finally {
          parse.mockRestore();
        }
      },
    );
  });

  it("an SSE-framed error within the limit is read for its code and request id", async () => {
    const frame = {
      error: { code: "Arrearage", type: "Arrearage", message: "Access denied" },
      request_id: "rid-1",
    };
    await withLoopbackServer(
      (_request, response) => {
        response.writeHead(400, { "content-type": "text/event-stream" });
        response.end(`: comment\nevent: error\ndata: ${JSON.stringify(frame)}\n\n`);
      },
      async (server) => {
        const stream = providerFor(server.origin).stream(request);
        const outcome = await runStream(stream, LIMIT_MS);
        expect(outcome.error).toMatchObject({
          kind: "billing",
          status: 400,
          code: "Arrearage",
          requestId: "rid-1",
        });
      },
    );
  });
});

describe("classified by what happened: a corrupt gzip body or a deeply nested JSON body", () => {
  const answer = (status: number, body: Buffer | string, headers: Record<string, string>) =>
    ((_request, response) => {
      response.writeHead(status, headers);
      response.end(body);
    }) satisfies Parameters<typeof withLoopbackServer>[0];
  const gzipped = { "content-type": "application/json", "content-encoding": "gzip" };

  it.each([
    [500, "server-error", true, 3],
    [400, "invalid-request", false, 1],
    [401, "invalid-api-key", false, 1],
  ] as const)(
    "a corrupt gzip %i body: %s, status kept, retried as its status says",
    async (status, kind, retryable, requests) => {
      await withLoopbackServer(answer(status, CORRUPT_GZIP, gzipped), async (server) => {
        const error = await providerFor(server.origin, 2)
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind, status, retryable });
        expect((error as Error).message).toMatch(/could not be decoded/);
        expect(server.requests).toHaveLength(requests);
      });
    },
  );

  it.each([
    ["a chat call", "application/json", (qwen: ReturnType<typeof providerFor>) => qwen.chat(request)],
    ["a stream", "text/event-stream", (qwen: ReturnType<typeof providerFor>) => qwen.stream(request).result],
  ])(
    "a corrupt gzip 200 body on %s: undecodable-response with status 200, not retried",
    async (_, type, call) => {
      await withLoopbackServer(
        answer(200, CORRUPT_GZIP, { "content-type": type, "content-encoding": "gzip" }),
        async (server) => {
          const error = await call(providerFor(server.origin, 2)).catch((caught: unknown) => caught);
          expect(error).toMatchObject({ kind: "undecodable-response", status: 200, retryable: false });
          expect(server.requests).toHaveLength(1);
        },
      );
    },
  );

  it.each([
    ["arrays", `${"[".repeat(30_000)}${"]".repeat(30_000)}`],
    ["objects", `${'{"a":'.repeat(12_000)}1${"}".repeat(12_000)}`],
  ])(
    "a 400 whose JSON body is deeply nested %s: invalid-request with status 400, not connection",
    async (_, nested) => {
      await withLoopbackServer(
        answer(400, `{"error":${nested}}`, { "content-type": "application/json" }),
        async (server) => {
          const error = await providerFor(server.origin, 2)
            .chat(request)
            .catch((caught: unknown) => caught);
          expect(error).toMatchObject({ kind: "invalid-request", status: 400, retryable: false });
          expect(server.requests).toHaveLength(1);
        },
      );
    },
  );
});

describe("response headers past the runtime's limit", () => {
  it.each(["chat", "stream"] as const)(
    "a 60 KB header on %s is response-too-large, not a retried connection error",
    async (call) => {
      await withLoopbackServer(
        (_request, response) => {
          response.writeHead(200, { "content-type": "application/json", "x-request-id": "r".repeat(60_000) });
          response.end("{}");
        },
        async (server) => {
          const provider = providerFor(server.origin, 2);
          const error = await (call === "chat"
            ? provider.chat(request)
            : provider.stream(request).result
          ).catch((caught: unknown) => caught);
          expect(error).toMatchObject({ name: "QwenApiError", kind: "response-too-large", retryable: false });
          expect(server.requests).toHaveLength(1);
        },
      );
    },
  );
});
