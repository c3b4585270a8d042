import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { apiErrorOfKind, rejection } from "./shared.js";

/** Aborting after the first text delta ends the stream promptly and keeps the partial answer. */
export const abortFeature: Feature<HostContext> = {
  id: "abort",
  title: "abort mid-stream",
  async run(ctx, signal) {
    const controller = new AbortController();
    const stream = ctx.provider().stream(
      {
        messages: [{ role: "user", content: "Count from one to forty in words." }],
        max_tokens: 128,
        thinking: { enabled: false },
      },
      { signal: AbortSignal.any([signal, controller.signal]), headers: ctx.longStreamHeaders },
    );
    let seen = "";
    try {
      for await (const event of stream) {
        if (event.type !== "text") continue;
        seen += event.delta;
        controller.abort();
      }
    } catch {
      // The iterator ends with the same error as `result`, checked below.
    }
    const error = apiErrorOfKind(await rejection(stream.result, "an aborted stream"), "aborted");
    const partial = error.partial;
    check(partial !== undefined && partial.text.length > 0, "the partial answer was lost");
    check(seen.startsWith(partial.text), "the partial answer differs from what was streamed");
    check(partial.finishReason === undefined, `finish ${partial.finishReason} arrived despite the abort`);
    return `kept ${partial.text.length} characters`;
  },
};
