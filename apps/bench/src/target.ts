import type { Transport } from "./workloads.js";

/** The DashScope host every in-process request goes to (msw intercepts it). */
export const IN_PROCESS_BASE_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1";

/** A Standard key the mock accepts; nothing real. */
export const BENCH_API_KEY = "sk-bench-00000000000000000000";

/** A model that does not think, so every response is the plain text or tool-call stream asked for. */
export const BENCH_MODEL = "qwen3-coder-plus";

/** Where a subject sends its requests. */
export interface BenchTarget {
  readonly transport: Transport;
  /** `${baseUrl}/chat/completions` is the chat endpoint. */
  readonly baseUrl: string;
}

/** The standalone mock serves each host under a path prefix named by its hostname. */
export function loopbackBaseUrl(origin: string): string {
  return `${origin}/dashscope-intl.aliyuncs.com/compatible-mode/v1`;
}
