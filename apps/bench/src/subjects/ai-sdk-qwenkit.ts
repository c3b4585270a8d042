import { createQwen } from "@qwenkit/ai-sdk";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { streamTextSubject } from "./stream-text.js";

/**
 * The Vercel AI SDK's `streamText` on `@qwenkit/ai-sdk`, consumed as the `@ai-sdk/alibaba` subject
 * is. Both transports' base URLs resolve as the native host (the loopback one through the mock's
 * host-prefix layout), so requests get DashScope's shaping either way.
 */
export const aiSdkQwenkit = streamTextSubject("@qwenkit/ai-sdk", (baseUrl) =>
  createQwen({ apiKey: BENCH_API_KEY, baseUrl, env: {} })(BENCH_MODEL),
);
