import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { HELLO } from "./shared.js";

/** With thinking on, reasoning streams first, then the answer; reasoning tokens are in the output. */
export const reasoningFeature: Feature<HostContext> = {
  id: "reasoning",
  title: "reasoning stream",
  async run(ctx, signal) {
    const stream = ctx.provider().stream(
      {
        model: "qwen3.5-plus",
        messages: HELLO,
        max_tokens: 256,
        thinking: { enabled: true, budgetTokens: 128 },
      },
      { signal },
    );
    const order: string[] = [];
    for await (const event of stream) {
      if ((event.type === "reasoning" || event.type === "text") && order.at(-1) !== event.type) {
        order.push(event.type);
      }
    }
    const result = await stream.result;
    check(result.reasoning.length > 0, "no reasoning_content arrived");
    check(result.text.length > 0, "no answer after the reasoning");
    check(order.join(",") === "reasoning,text", `event order ${order.join(",")}`);
    const usage = result.usage;
    check(usage?.reasoningTokens !== undefined, "usage has no reasoning tokens");
    check(usage.reasoningTokens <= usage.outputTokens, "reasoning tokens exceed output tokens");
    return `${usage.reasoningTokens} reasoning of ${usage.outputTokens} output tokens`;
  },
};
