import { createAlibaba } from "@ai-sdk/alibaba";
import { BENCH_API_KEY, BENCH_MODEL } from "../target.js";
import { streamTextSubject } from "./stream-text.js";

/** The Vercel AI SDK's `streamText` on `@ai-sdk/alibaba`, its full stream iterated. */
export const aiSdkAlibaba = streamTextSubject("@ai-sdk/alibaba", (baseUrl) =>
  createAlibaba({ apiKey: BENCH_API_KEY, baseURL: baseUrl })(BENCH_MODEL),
);
