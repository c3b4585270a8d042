import type { Subject } from "../subject.js";
import { readFloorStream } from "./floor-stream.js";
import { FrameTally } from "./frame-tally.js";
import { SseDataLines } from "./sse-data-lines.js";

/**
 * The least any client must do: the split floor plus `JSON.parse` of every frame, counting its
 * deltas and reading usage (see {@link FrameTally}); no text assembled, no events.
 */
export const parseFloor: Subject = {
  create(target) {
    const url = `${target.baseUrl}/chat/completions`;
    return {
      async stream(shape) {
        const tally = new FrameTally();
        await readFloorStream("parse floor", url, shape, new SseDataLines((payload) => tally.add(payload)));
        return { deltas: tally.deltas, outputTokens: tally.outputTokens };
      },
    };
  },
};
