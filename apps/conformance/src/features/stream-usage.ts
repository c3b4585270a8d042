import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { TINY_REQUEST } from "./shared.js";

/** A stream asks for usage, gets the `choices: []` usage frame, and its totals add up. */
export const streamUsageFeature: Feature<HostContext> = {
  id: "stream-usage",
  title: "stream with usage frame",
  async run(ctx, signal) {
    const provider = ctx.provider();
    const shaped = provider.shape(TINY_REQUEST, { stream: true }).body;
    check(shaped.stream_options?.include_usage === true, "stream_options.include_usage not requested");
    const stream = provider.stream(TINY_REQUEST, { signal });
    let text = "";
    let usageEvents = 0;
    for await (const event of stream) {
      if (event.type === "text") text += event.delta;
      if (event.type === "usage") usageEvents++;
    }
    const result = await stream.result;
    check(text.length > 0 && text === result.text, "streamed text does not match the result");
    check(usageEvents === 1 && result.usage !== undefined, `${usageEvents} usage events`);
    const { inputTokens, outputTokens, totalTokens } = result.usage;
    check(inputTokens > 0 && outputTokens > 0, `usage ${inputTokens} in, ${outputTokens} out`);
    check(totalTokens === inputTokens + outputTokens, `usage ${inputTokens}+${outputTokens}≠${totalTokens}`);
    check(result.finishReason !== undefined, "no finish reason");
    return `${inputTokens}+${outputTokens}=${totalTokens} tokens`;
  },
};
