import { createQwen, type QwenChatLanguageModel } from "@qwenkit/ai-sdk";
import { benchMessages } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { BENCH_TOOL, shapeHeaders } from "../workloads.js";

type CallOptions = Parameters<QwenChatLanguageModel["doStream"]>[0];

/** The bench tool as the AI SDK hands it to a model (a JSON Schema, as `streamText` would). */
const tools: CallOptions["tools"] = [
  {
    type: "function",
    name: BENCH_TOOL.name,
    description: BENCH_TOOL.description,
    inputSchema: {
      type: "object",
      properties: { [BENCH_TOOL.firstProperty]: { type: "string" } },
      required: [BENCH_TOOL.firstProperty],
    },
  },
];

/**
 * `@qwenkit/ai-sdk`'s own stream, read part by part without `streamText` on top: what the adapter
 * costs over `@qwenkit/provider`'s `stream()` (prompt and settings mapping, stream parts), apart
 * from what the AI SDK's `streamText` costs every provider.
 */
export const aiSdkQwenkitModel: Subject = {
  create(target) {
    const model = createQwen({ apiKey: BENCH_API_KEY, baseUrl: target.baseUrl, env: {} })(BENCH_MODEL);
    return {
      async stream(shape) {
        const { stream } = await model.doStream({
          prompt: benchMessages(shape).map(({ content }) => ({
            role: "user" as const,
            content: [{ type: "text" as const, text: content }],
          })),
          ...(shape.type === "tool-call" ? { tools } : {}),
          headers: shapeHeaders(shape),
        });
        let deltas = 0;
        let outputTokens: number | undefined;
        let toolCalled = false;
        const reader = stream.getReader();
        for (let step = await reader.read(); !step.done; step = await reader.read()) {
          const part = step.value;
          if (part.type === "text-delta" || part.type === "tool-input-delta") deltas += 1;
          else if (part.type === "tool-call") toolCalled = true;
          else if (part.type === "finish") outputTokens = part.usage.outputTokens.total;
          else if (part.type === "error") throw part.error;
        }
        if (shape.type === "tool-call" && !toolCalled) throw new Error("@qwenkit/ai-sdk model: no tool call");
        return { deltas, outputTokens };
      },
    };
  },
};
