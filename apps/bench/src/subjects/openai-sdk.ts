import OpenAI from "openai";
import { benchMessages, OPENAI_BENCH_TOOLS } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { shapeHeaders } from "../workloads.js";

/**
 * The official `openai` SDK's stream iterated directly, doing what a hand-written client must:
 * collect text and tool-call arguments from `choices[0]`, and usage from the `choices: []` frame.
 */
export const openaiSdk: Subject = {
  create(target) {
    const client = new OpenAI({ apiKey: BENCH_API_KEY, baseURL: target.baseUrl, maxRetries: 0 });
    return {
      async stream(shape) {
        const stream = await client.chat.completions.create(
          {
            model: BENCH_MODEL,
            messages: benchMessages(shape),
            ...(shape.type === "tool-call" ? { tools: OPENAI_BENCH_TOOLS } : {}),
            stream: true,
            stream_options: { include_usage: true },
          },
          { headers: shapeHeaders(shape) },
        );
        let text = "";
        let toolArguments = "";
        let deltas = 0;
        let outputTokens: number | undefined;
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta;
          if (delta?.content) {
            text += delta.content;
            deltas += 1;
          }
          for (const call of delta?.tool_calls ?? []) {
            toolArguments += call.function?.arguments ?? "";
            deltas += 1;
          }
          if (chunk.usage) outputTokens = chunk.usage.completion_tokens;
        }
        if (text === "" && toolArguments === "") throw new Error("openai: the stream carried nothing");
        return { deltas, outputTokens };
      },
    };
  },
};
