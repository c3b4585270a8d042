import { benchMessages, OPENAI_BENCH_TOOLS } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { shapeHeaders } from "../workloads.js";
import { SseDataLines } from "./sse-data-lines.js";

/** Completion tokens of the usage frame, the one frame the floor parses. */
function outputTokensOf(lastFrame: string | undefined): number | undefined {
  if (lastFrame === undefined) return undefined;
  const usage = (JSON.parse(lastFrame) as { usage?: { completion_tokens?: unknown } }).usage;
  return typeof usage?.completion_tokens === "number" ? usage.completion_tokens : undefined;
}

/** The least any client must do: `fetch`, decode, split lines, find `[DONE]`, read usage. */
export const floor: Subject = {
  create(target) {
    const url = `${target.baseUrl}/chat/completions`;
    return {
      async stream(shape) {
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
        if (!response.ok || response.body === null) throw new Error(`floor: HTTP ${response.status}`);
        const decoder = new TextDecoder();
        const lines = new SseDataLines();
        const reader = response.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          lines.push(decoder.decode(read.value, { stream: true }));
        }
        if (!lines.done) throw new Error("floor: the stream ended without [DONE]");
        return { deltas: undefined, outputTokens: outputTokensOf(lines.last) };
      },
    };
  },
};
