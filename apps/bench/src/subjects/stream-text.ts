import { type LanguageModel, streamText, tool } from "ai";
import { z } from "zod";
import { benchMessages } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_TOOL, shapeHeaders } from "../workloads.js";

const tools = {
  [BENCH_TOOL.name]: tool({
    description: BENCH_TOOL.description,
    inputSchema: z.object({ [BENCH_TOOL.firstProperty]: z.string() }),
  }),
};

/**
 * A subject that runs the Vercel AI SDK's `streamText` on the model `modelFor` makes and iterates
 * its full stream. Every AI SDK subject goes through here, so they are consumed alike by construction.
 */
export function streamTextSubject(name: string, modelFor: (baseUrl: string) => LanguageModel): Subject {
  return {
    create(target) {
      const model = modelFor(target.baseUrl);
      return {
        async stream(shape) {
          const result = streamText({
            model,
            messages: benchMessages(shape),
            ...(shape.type === "tool-call" ? { tools } : {}),
            headers: shapeHeaders(shape),
            maxRetries: 0,
          });
          let deltas = 0;
          let outputTokens: number | undefined;
          let toolCalled = false;
          for await (const part of result.stream) {
            if (part.type === "text-delta" || part.type === "tool-input-delta") deltas += 1;
            else if (part.type === "tool-call") toolCalled = true;
            else if (part.type === "finish") outputTokens = part.totalUsage.outputTokens;
            else if (part.type === "error") throw part.error;
          }
          if (shape.type === "tool-call" && !toolCalled) throw new Error(`${name}: no tool call`);
          return { deltas, outputTokens };
        },
      };
    },
  };
}
