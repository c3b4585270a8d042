import { createQwenProvider } from "@qwenkit/provider";
import { benchMessages, OPENAI_BENCH_TOOLS } from "../chat-request.js";
import type { Subject } from "../subject.js";
import { BENCH_API_KEY, BENCH_MODEL, type BenchTarget } from "../target.js";
import { shapeHeaders } from "../workloads.js";

/** In-process the provider targets the real host by auth choice; over loopback, the mock's URL with DashScope's rules. */
function providerFor(target: BenchTarget) {
  const common = { apiKey: BENCH_API_KEY, model: `qwen/${BENCH_MODEL}`, env: {} } as const;
  return target.transport === "in-process"
    ? createQwenProvider({ ...common, authChoice: "qwen-standard-api-key" })
    : createQwenProvider({ ...common, baseUrl: target.baseUrl, shapeRequests: "always" });
}

/** `@qwenkit/provider`'s `stream()`: request shaping, events, assembled text, tool calls and usage. */
export const qwenkitProvider: Subject = {
  create(target) {
    const qwen = providerFor(target);
    return {
      async stream(shape) {
        const stream = qwen.stream(
          {
            messages: benchMessages(shape),
            ...(shape.type === "tool-call" ? { tools: OPENAI_BENCH_TOOLS } : {}),
          },
          { headers: shapeHeaders(shape) },
        );
        let deltas = 0;
        for await (const event of stream) {
          if (event.type === "text" || event.type === "tool-call-delta") deltas += 1;
        }
        const result = await stream.result;
        if (result.text === "" && result.toolCalls[0]?.parsed.ok !== true) {
          throw new Error("@qwenkit/provider: the stream carried no text and no parsed tool call");
        }
        return { deltas, outputTokens: result.usage?.outputTokens };
      },
    };
  },
};
