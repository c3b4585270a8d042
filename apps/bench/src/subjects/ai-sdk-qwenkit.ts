import { createQwen } from "@qwenkit/ai-sdk";
import { streamText, tool } from "ai";
import { z } from "zod";
import { benchMessages } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { BENCH_TOOL, shapeHeaders } from "../workloads.js";

const tools = {
  [BENCH_TOOL.name]: tool({
    description: BENCH_TOOL.description,
    inputSchema: z.object({ [BENCH_TOOL.firstProperty]: z.string() }),
  }),
};

/**
 * The Vercel AI SDK's `streamText` on `@qwenkit/ai-sdk`, consumed exactly as the `@ai-sdk/alibaba`
 * subject consumes it. Both transports' base URLs resolve as the native host (the loopback one
 * through the mock's host-prefix layout), so requests get DashScope's shaping either way.
 */
export const aiSdkQwenkit: Subject = {
  create(target) {
    const qwen = createQwen({ apiKey: BENCH_API_KEY, baseUrl: target.baseUrl, env: {} });
    const model = qwen(BENCH_MODEL);
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
        if (shape.type === "tool-call" && !toolCalled) throw new Error("@qwenkit/ai-sdk: no tool call");
        return { deltas, outputTokens };
      },
    };
  },
};
