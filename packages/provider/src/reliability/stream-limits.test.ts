import { createGzip, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import { createQwenProvider } from "../provider.js";
import { KEYS } from "../test-utils/hosts.js";
import { withLoopbackServer, writeUntilClosed } from "./test-utils/loopback-server.js";
import { failOnUnhandledRejections, runStream, textOf } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { craftedBytes } from "./test-utils/sse.js";

failOnUnhandledRejections();

const LIMIT_MS = 8_000;
const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const encoder = new TextEncoder();
const PIECE = 64 * 1024;

/** `total` bytes of `unit` repeated, in 64 KiB pieces (one network read each). */
function repeated(prefix: string, unit: string, total: number): Uint8Array[] {
  const piece = encoder.encode(unit.repeat(Math.ceil(PIECE / unit.length)).slice(0, PIECE));
  const pieces = [encoder.encode(prefix)];
  for (let sent = 0; sent < total; sent += piece.length) pieces.push(piece);
  return pieces;
}

describe("an SSE line or record beyond the limit", () => {
  it.each([
    ["a data: line that never ends", "data: ", "a", LIMITS.sseLineLength],
    ["a comment line that never ends", ":", "keep-alive ", LIMITS.sseLineLength],
    ["data: lines that never meet a blank line", "", `data: ${"x".repeat(1000)}\n`, LIMITS.sseRecordLength],
  ])("%s fails with response-too-large, at once and unretried", async (_, prefix, unit, limit) => {
    // Past the limit, then the server stays open: only the limit can end the stream.
    const fetch = scriptedFetch([
      { pieces: repeated(prefix, unit, limit + 2 * PIECE), end: "stall" },
      { pieces: [craftedBytes({ text: ["late"], finishReason: "stop" })] },
    ]);
    const outcome = await runStream(craftedProvider(fetch, { maxRetries: 2 }).stream(request), LIMIT_MS);
    expect(outcome.error?.kind).toBe("response-too-large");
    expect(outcome.error?.retryable).toBe(false);
    expect(outcome.error?.message).toMatch(/8 MiB/);
    expect(outcome.elapsedMs).toBeLessThan(3_000);
    expect(fetch.calls).toBe(1);
    expect(fetch.openBodies).toBe(0);
  });

  it("keeps the text that came before an oversized line as the partial", async () => {
    const good = craftedBytes({ text: ["Hel", "lo"] });
    const head = good.slice(0, good.length - encoder.encode("data: [DONE]\n\n").length);
    const fetch = scriptedFetch([
      { pieces: [head, ...repeated("data: ", "a", LIMITS.sseLineLength)], end: "stall" },
    ]);
    const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
    expect(outcome.error?.kind).toBe("response-too-large");
    expect(outcome.error?.partial?.text).toBe("Hello");
    expect(textOf(outcome.events)).toBe("Hello");
  });

  it("still reads a 4 MiB frame (half the limit) exactly", async () => {
    const big = "杭州🌧️ ok ".repeat((4 * 1024 * 1024) / 12);
    const fetch = scriptedFetch([{ pieces: [craftedBytes({ text: [big], finishReason: "stop" })] }]);
    const outcome = await runStream(craftedProvider(fetch).stream(request), LIMIT_MS);
    expect(outcome.error).toBeUndefined();
    expect(outcome.result?.text).toBe(big);
  });
});

describe("a gzip-compressed stream (the limit counts decoded text)", () => {
  it("an endless compressed run of data: lines fails at the limit and the connection is closed", async () => {
    let written = 0;
    await withLoopbackServer(
      async (_, response) => {
        response.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
        const gzip = createGzip();
        gzip.pipe(response);
        const line = `data: ${"y".repeat(4000)}\n`;
        // A bound on the test itself: 256 MiB decoded, 32 times the limit.
        written = await writeUntilClosed(
          Object.assign(gzip, {
            get destroyed() {
              return response.destroyed;
            },
          }),
          () => line,
          256 * 1024 * 1024,
        );
        gzip.end();
      },
      async (server) => {
        const qwen = createQwenProvider({
          baseUrl: `${server.origin}/v1`,
          apiKey: KEYS.standard,
          env: {},
          maxRetries: 1,
        });
        const outcome = await runStream(qwen.stream(request), LIMIT_MS);
        expect(outcome.error?.kind).toBe("response-too-large");
        await server.idle();
        expect(server.requests).toHaveLength(1);
      },
    );
    expect(written).toBeLessThan(4 * LIMITS.sseRecordLength);
  });

  it("a compressed stream within the limits reads as the plain one", async () => {
    const bytes = craftedBytes({ text: ["Hel", "lo"], finishReason: "stop", usage: true });
    await withLoopbackServer(
      (_, response) => {
        response.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
        response.end(gzipSync(bytes));
      },
      async (server) => {
        const qwen = createQwenProvider({ baseUrl: `${server.origin}/v1`, apiKey: KEYS.standard, env: {} });
        const outcome = await runStream(qwen.stream(request), LIMIT_MS);
        expect(outcome.result?.text).toBe("Hello");
        expect(outcome.result?.usage?.totalTokens).toBe(39);
      },
    );
  });
});
