import type { Subject } from "../subject.js";
import { readFloorStream } from "./floor-stream.js";
import { SseDataLines } from "./sse-data-lines.js";

/** Completion tokens of the usage frame, the one frame the split floor parses. */
function outputTokensOf(lastFrame: string | undefined): number | undefined {
  if (lastFrame === undefined) return undefined;
  const usage = (JSON.parse(lastFrame) as { usage?: { completion_tokens?: unknown } }).usage;
  return typeof usage?.completion_tokens === "number" ? usage.completion_tokens : undefined;
}

/**
 * The transport's floor: `fetch`, decode, split lines, find `[DONE]`, and `JSON.parse` of the
 * usage frame only. No client can be this cheap (it must parse every frame); it shows what the
 * HTTP stack and the mock cost on their own.
 */
export const splitFloor: Subject = {
  create(target) {
    const url = `${target.baseUrl}/chat/completions`;
    return {
      async stream(shape) {
        const lines = new SseDataLines();
        await readFloorStream("split floor", url, shape, lines);
        return { deltas: undefined, outputTokens: outputTokensOf(lines.last) };
      },
    };
  },
};
