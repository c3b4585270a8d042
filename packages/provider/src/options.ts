import type { ResolveQwenConfigOptions } from "@qwenkit/core";
import type { ClientOptions } from "openai";
import type { QwenRetryDelays } from "./retry.js";
import type { ChatRequestBody } from "./shape-request.js";

/**
 * Options of `createQwenProvider`: everything `resolveQwenConfig` takes (auth choice, base URL,
 * key lookup, model, OpenClaw config, …) plus the HTTP client settings.
 */
export interface QwenProviderOptions extends ResolveQwenConfigOptions {
  /** A `fetch` implementation (proxies, tests); default the global `fetch`. */
  readonly fetch?: ClientOptions["fetch"];
  /**
   * Milliseconds to wait for a response before failing the attempt with kind `timeout`
   * (non-streaming: the whole body; streaming: the response headers, then each wait for the next
   * chunk, so a stream that stalls fails instead of hanging). Default 600000 (the openai SDK's).
   */
  readonly timeout?: number;
  /**
   * Retries of retryable errors (rate limit, TPM quota, 5xx, timeout, connection, a stream cut
   * off before it delivered anything). qwenkit runs its own loop; the openai client's own retries
   * are off. Default 2.
   */
  readonly maxRetries?: number;
  /** Backoff between retries; `retry-after` from the server wins. */
  readonly retryDelays?: QwenRetryDelays;
  /** Headers sent with every request. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /**
   * `auto` (default): shape requests by the endpoint's capabilities: DashScope's rules on native
   * hosts; on a custom base URL only qwenkit's `thinking` option is translated and streaming usage
   * is requested when `streamingUsage` says so. `always`: apply the native rules to any base URL
   * (a gateway or proxy in front of DashScope).
   */
  readonly shapeRequests?: "auto" | "always";
  /**
   * Lets the provider run in a browser page or a browser worker, where the openai SDK refuses to
   * start by default (passed to it as its own `dangerouslyAllowBrowser`). Server and edge
   * runtimes (Node, Deno, Bun, Cloudflare Workers) do not need it. Default `false`.
   *
   * **Warning: an API key given to a page is exposed to every user of that page** (the network
   * panel, the page's memory and its bundle show it), who can then spend on your account. Use it
   * only with a key you are prepared to see used by others, or point `baseUrl` at your own proxy
   * that holds the real key.
   */
  readonly dangerouslyAllowBrowser?: boolean;
}

/** Per-call options of `QwenProvider.chat` and `QwenProvider.stream`. */
export interface QwenCallOptions {
  /** Aborts the call; a stream keeps its partial result on the error (`kind: "aborted"`). */
  readonly signal?: AbortSignal;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Overrides the provider's `timeout` for this call. */
  readonly timeout?: number;
  /** Overrides the provider's `maxRetries` for this call. */
  readonly maxRetries?: number;
}

/**
 * A chat request: OpenAI's Chat Completions fields (without `stream`; pick `chat` or `stream`),
 * DashScope's `enable_thinking` / `thinking_budget`, and qwenkit's typed `thinking` option.
 * `model` defaults to the configured model and accepts a ref (`qwen/glm-5`, `modelstudio/glm-5`).
 */
export type QwenChatRequest = Omit<ChatRequestBody, "model" | "stream"> & { readonly model?: string };
