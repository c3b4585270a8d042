/**
 * Child process (run with `--expose-gc`): resident memory of `@qwenkit/provider` while it streams
 * one very long response from the standalone mock over loopback and the caller reads it event by
 * event. The baseline is taken after a warm-up stream and a full GC; growth is the highest RSS
 * seen during the stream minus that baseline. A full GC after the stream, with the result still
 * held, shows what the stream really retains (the rest of the growth is the GC's headroom).
 * Usage: `node --expose-gc long-stream-memory.js '<LongStreamMemoryJob as JSON>'`.
 */
import { performance } from "node:perf_hooks";
import { createQwenProvider } from "@qwenkit/provider";
import { sendResult } from "../child-protocol.js";
import { BENCH_API_KEY, BENCH_MODEL, loopbackBaseUrl } from "../target.js";

export interface LongStreamMemoryJob {
  readonly origin: string;
  readonly chunks: number;
  readonly warmupChunks: number;
  /** RSS is sampled every this many events. */
  readonly sampleEvery: number;
}

export interface LongStreamMemoryResult {
  readonly chunks: number;
  readonly ms: number;
  readonly baselineRssMb: number;
  readonly peakRssMb: number;
  readonly rssGrowthMb: number;
  /** RSS growth over the baseline at each tenth of the stream. */
  readonly growthByTenthMb: readonly number[];
  /** Length of the assembled text the result holds (it is kept, as `result.text`). */
  readonly textMb: number;
  /** Live heap after a full GC at the end, over the baseline's, with the result held. */
  readonly retainedHeapMb: number;
}

const MB = 1024 * 1024;

async function main(job: LongStreamMemoryJob): Promise<LongStreamMemoryResult> {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  const qwen = createQwenProvider({
    apiKey: BENCH_API_KEY,
    baseUrl: loopbackBaseUrl(job.origin),
    model: `qwen/${BENCH_MODEL}`,
    shapeRequests: "always",
    env: {},
  });
  const streamOf = async (chunks: number, onText: (seen: number) => void) => {
    const stream = qwen.stream(
      { messages: [{ role: "user", content: "Hi" }] },
      { headers: { "x-mock-chunks": String(chunks) } },
    );
    let seen = 0;
    for await (const event of stream) {
      if (event.type === "text") {
        seen += 1;
        onText(seen);
      }
    }
    const result = await stream.result;
    if (seen !== chunks || result.usage?.outputTokens !== chunks) {
      throw new Error(
        `expected ${chunks} text events and usage, got ${seen} and ${result.usage?.outputTokens}`,
      );
    }
    return result;
  };
  await streamOf(job.warmupChunks, () => undefined);
  gc();
  const baseline = process.memoryUsage.rss();
  const baselineHeap = process.memoryUsage().heapUsed;
  let peak = baseline;
  const tenth = Math.ceil(job.chunks / 10);
  const growthByTenthMb: number[] = [];
  const started = performance.now();
  const result = await streamOf(job.chunks, (seen) => {
    if (seen % job.sampleEvery !== 0 && seen % tenth !== 0) return;
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    if (seen % tenth === 0) growthByTenthMb.push((rss - baseline) / MB);
  });
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage.rss());
  gc();
  const retainedHeapMb = (process.memoryUsage().heapUsed - baselineHeap) / MB;
  return {
    chunks: job.chunks,
    ms,
    baselineRssMb: baseline / MB,
    peakRssMb: peak / MB,
    rssGrowthMb: (peak - baseline) / MB,
    growthByTenthMb,
    textMb: result.text.length / MB,
    retainedHeapMb,
  };
}

main(JSON.parse(process.argv[2] ?? "{}") as LongStreamMemoryJob).then(sendResult, (error: unknown) => {
  process.stderr.write(
    `long-stream memory: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
