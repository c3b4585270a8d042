/**
 * Child process: how many short streamed requests per second the standalone mock serves over
 * loopback with keep-alive. It sends requests of `chunks` content chunks from `connections`
 * connections: first a warm-up (which also warms the mock for the benchmarks after it), then
 * the measured run, each bounded in count and time.
 * Usage: `node mock-throughput.js '<MockThroughputJob as JSON>'`.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { sendResult } from "../child-protocol.js";
import { runPool } from "../request-pool.js";
import { BENCH_API_KEY, BENCH_MODEL, loopbackBaseUrl } from "../target.js";

export interface MockThroughputJob {
  readonly origin: string;
  readonly chunks: number;
  readonly connections: number;
  readonly warmupRequests: number;
  /** Upper bounds of the measured run: it stops at whichever comes first. */
  readonly maxRequests: number;
  readonly maxMs: number;
}

export interface MockThroughputResult {
  readonly requests: number;
  readonly ms: number;
  readonly requestsPerSec: number;
}

const DONE = "data: [DONE]\n\n";

async function main(job: MockThroughputJob): Promise<MockThroughputResult> {
  const url = new URL(`${loopbackBaseUrl(job.origin)}/chat/completions`);
  if (url.hostname !== "127.0.0.1") throw new Error(`the mock must be on 127.0.0.1, not ${url.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const body = JSON.stringify({
    model: BENCH_MODEL,
    messages: [{ role: "user", content: "Hi" }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const headers = {
    authorization: `Bearer ${BENCH_API_KEY}`,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "x-mock-chunks": String(job.chunks),
  };
  const send = () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request(url, { method: "POST", agent, headers }, (response) => {
        let tail = "";
        response.setEncoding("utf8");
        response.on("data", (text: string) => {
          tail = (tail + text).slice(-DONE.length);
        });
        response.on("end", () => {
          if (response.statusCode === 200 && tail === DONE) resolve();
          else reject(new Error(`mock answered ${response.statusCode} or ended without [DONE]`));
        });
        response.on("error", reject);
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  try {
    await runPool(job.warmupRequests, job.connections, send);
    const deadline = performance.now() + job.maxMs;
    let sent = 0;
    const started = performance.now();
    await runPool(job.maxRequests, job.connections, async () => {
      if (performance.now() > deadline) return;
      sent += 1;
      await send();
    });
    const ms = performance.now() - started;
    return { requests: sent, ms, requestsPerSec: (sent / ms) * 1000 };
  } finally {
    agent.destroy();
  }
}

main(JSON.parse(process.argv[2] ?? "{}") as MockThroughputJob).then(sendResult, (error: unknown) => {
  process.stderr.write(
    `mock throughput: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
