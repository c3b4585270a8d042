import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { TINY_REQUEST } from "./shared.js";

/** A non-streaming completion with text, usage and a request id that matches the body's id. */
export const chatFeature: Feature<HostContext> = {
  id: "chat",
  title: "non-streaming completion",
  async run(ctx, signal) {
    const result = await ctx.provider().chat(TINY_REQUEST, { signal });
    check(result.text.length > 0, "empty answer");
    check(
      result.finishReason === "stop" || result.finishReason === "length",
      `finish ${result.finishReason}`,
    );
    check(result.usage !== undefined, "no usage on a non-streaming completion");
    const { inputTokens, outputTokens, totalTokens } = result.usage;
    check(totalTokens === inputTokens + outputTokens, `usage ${inputTokens}+${outputTokens}≠${totalTokens}`);
    check(
      result.requestId !== undefined && result.id === `chatcmpl-${result.requestId}`,
      "request id ≠ body id",
    );
    return `${outputTokens} tokens, request ${result.requestId}`;
  },
};
