import { benchMessages, OPENAI_BENCH_TOOLS } from "../chat-request.js";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { type StreamShape, shapeHeaders } from "../workloads.js";
import type { SseDataLines } from "./sse-data-lines.js";

/**
 * What both floors do per response: one `fetch` of a streamed chat completion, every network
 * chunk decoded and pushed through `lines`; throws unless the stream reached `[DONE]`.
 */
export async function readFloorStream(
  name: string,
  url: string,
  shape: StreamShape,
  lines: SseDataLines,
): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${BENCH_API_KEY}`,
      "content-type": "application/json",
      ...shapeHeaders(shape),
    },
    body: JSON.stringify({
      model: BENCH_MODEL,
      messages: benchMessages(shape),
      ...(shape.type === "tool-call" ? { tools: OPENAI_BENCH_TOOLS } : {}),
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  if (!response.ok || response.body === null) throw new Error(`${name}: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    lines.push(decoder.decode(read.value, { stream: true }));
  }
  if (!lines.done) throw new Error(`${name}: the stream ended without [DONE]`);
}
