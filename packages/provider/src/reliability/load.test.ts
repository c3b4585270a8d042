import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  CONTROL_HEADERS,
  type DashscopeMockServer,
  type RequestRecorder,
  startDashscopeMockServer,
} from "@qwenkit/dashscope-mock";
import { describe, expect, it } from "vitest";
import { createQwenProvider, type QwenProvider } from "../provider.js";
import type { QwenChatResult } from "../result.js";
import { KEYS } from "../test-utils/hosts.js";
import { countOf, failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";

failOnUnhandledRejections();

const CONCURRENCY = 200;
const ROUNDS = 6;
const CHUNKS = 16;
// The whole run takes a second or two on loopback; a stuck stream fails long before vitest's limit.
const ROUND_LIMIT_MS = 10_000;
// Generous for a shared, noisy machine: the point is "no leak", which grows with every round.
const MAX_HEAP_GROWTH_BYTES = 24 * 2 ** 20;
const MAX_RSS_GROWTH_BYTES = 128 * 2 ** 20;
// The resources a leaked stream would leave behind: sockets, servers, timers.
const WATCHED = ["TCPSocketWrap", "TCPServerWrap", "Timeout"] as const;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Counts requests without keeping them (a recorder that grew would look like a leak). */
function countingRecorder(): RequestRecorder & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    requests: [],
    last: () => undefined,
    clear: () => undefined,
    record: () => {
      count += 1;
    },
  };
}

const resourceCounts = () => {
  const counts = Object.fromEntries(WATCHED.map((type) => [type, 0])) as Record<
    (typeof WATCHED)[number],
    number
  >;
  for (const type of process.getActiveResourcesInfo()) {
    if (type in counts) counts[type as (typeof WATCHED)[number]] += 1;
  }
  return counts;
};

/** Resource counts once they stop changing (sockets close a few ticks after the server does), at most `ms`. */
async function settledResourceCounts(target: ReturnType<typeof resourceCounts>, ms = 3_000) {
  const deadline = performance.now() + ms;
  let counts = resourceCounts();
  while (WATCHED.some((type) => counts[type] > target[type]) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    counts = resourceCounts();
  }
  return counts;
}

function memory() {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

async function round(qwen: QwenProvider): Promise<QwenChatResult[]> {
  const streams = Array.from({ length: CONCURRENCY }, (_, index) =>
    runStream(
      qwen.stream(
        { messages: [{ role: "user", content: `Stream ${index}` }], thinking: { enabled: false } },
        { headers: { [CONTROL_HEADERS.chunks]: String(CHUNKS) } },
      ),
      ROUND_LIMIT_MS,
    ),
  );
  const outcomes = await Promise.all(streams);
  for (const outcome of outcomes) {
    expect(outcome.error).toBeUndefined();
    expect(countOf(outcome.events, "text")).toBe(CHUNKS);
    expect(countOf(outcome.events, "usage")).toBe(1);
  }
  return outcomes.map((outcome) => outcome.result as QwenChatResult);
}

const loopbackQwen = (server: DashscopeMockServer) =>
  createQwenProvider({
    baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
    apiKey: KEYS.standard,
    env: {},
    shapeRequests: "always",
    maxRetries: 0,
  });

describe(`load: ${CONCURRENCY} concurrent streams through one provider, against the standalone mock on 127.0.0.1`, () => {
  it(`${ROUNDS} rounds: no errors, no leaked sockets or timers after close, heap and RSS stable`, async () => {
    // Warm up (first-use allocations of undici, the SDK and the JIT), then take the baselines.
    const warmUp = await startDashscopeMockServer({ recorder: countingRecorder() });
    await round(loopbackQwen(warmUp));
    await warmUp.close();
    const before = await settledResourceCounts({ TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 }, 1_000);

    const recorder = countingRecorder();
    const server = await startDashscopeMockServer({ recorder });
    const qwen = loopbackQwen(server);
    const samples: ReturnType<typeof memory>[] = [];
    const started = performance.now();
    for (let index = 0; index < ROUNDS; index += 1) {
      const results = await round(qwen);
      expect(results.every((result) => result.finishReason === "stop")).toBe(true);
      expect(new Set(results.map((result) => result.requestId)).size).toBe(CONCURRENCY);
      expect(results.every((result) => result.usage?.outputTokens === CHUNKS)).toBe(true);
      samples.push(memory());
    }
    const elapsedMs = performance.now() - started;
    // Every stream was one request: nothing failed, nothing was retried.
    expect(recorder.count).toBe(ROUNDS * CONCURRENCY);
    expect(elapsedMs).toBeLessThan(ROUNDS * ROUND_LIMIT_MS);

    // The probe sees what it watches: the server and the pooled keep-alive sockets, until close.
    const open = resourceCounts();
    expect(open.TCPServerWrap).toBeGreaterThan(before.TCPServerWrap);
    expect(open.TCPSocketWrap).toBeGreaterThan(before.TCPSocketWrap);
    await server.close();
    const after = await settledResourceCounts(before);
    for (const type of WATCHED) expect(after[type], type).toBeLessThanOrEqual(before[type]);

    // Compare the last round with the second (the first still fills pools and caches).
    const [, baseline] = samples;
    const last = samples.at(-1);
    expect(last?.heapUsed ?? 0).toBeLessThan((baseline?.heapUsed ?? 0) + MAX_HEAP_GROWTH_BYTES);
    expect(last?.rss ?? 0).toBeLessThan((baseline?.rss ?? 0) + MAX_RSS_GROWTH_BYTES);
  });

  it(`${CONCURRENCY} concurrent streams, every other one left after 3 events: the rest complete, nothing leaks`, async () => {
    const before = await settledResourceCounts({ TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 }, 1_000);
    const recorder = countingRecorder();
    const server = await startDashscopeMockServer({ recorder });
    const qwen = loopbackQwen(server);
    const outcomes = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, index) =>
        runStream(
          qwen.stream(
            { messages: [{ role: "user", content: `Stream ${index}` }], thinking: { enabled: false } },
            {
              headers: { [CONTROL_HEADERS.chunks]: String(CHUNKS), "x-mock-fault": "chunk-delay;delayMs=2" },
            },
          ),
          ROUND_LIMIT_MS,
          (_, events) => (index % 2 === 1 && events.length === 3 ? "break" : undefined),
        ),
      ),
    );
    const left = outcomes.filter((_, index) => index % 2 === 1);
    const kept = outcomes.filter((_, index) => index % 2 === 0);
    expect(
      left.every((outcome) => outcome.error?.kind === "aborted" && outcome.error.partial !== undefined),
    ).toBe(true);
    expect(kept.every((outcome) => outcome.result?.usage?.outputTokens === CHUNKS)).toBe(true);
    expect(recorder.count).toBe(CONCURRENCY);
    // A left stream's connection is closed, not read to its end and pooled: only the completed
    // streams keep a pooled connection (a client and a server socket each).
    const pooled = before.TCPSocketWrap + 2 * kept.length;
    const open = await settledResourceCounts({ ...before, TCPSocketWrap: pooled, TCPServerWrap: 1 });
    expect(open.TCPSocketWrap).toBeLessThanOrEqual(pooled);
    await server.close();
    const after = await settledResourceCounts(before);
    for (const type of WATCHED) expect(after[type], type).toBeLessThanOrEqual(before[type]);
  });
});
