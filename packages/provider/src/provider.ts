import {
  capabilitiesForModel,
  type EndpointCapabilities,
  endpointFor,
  type ModelInfo,
  parseModelRef,
  type ResolvedQwenConfig,
  resolveQwenConfig,
} from "@qwenkit/core";
import { capabilitiesForBaseUrl, modelInfo } from "@qwenkit/core/advanced";
import type OpenAI from "openai";
import { linkAbort } from "./abort-link.js";
import { createChatStream, type QwenChatStream } from "./chat-stream.js";
import { resultFromCompletion } from "./completion-result.js";
import type { QwenErrorContext } from "./errors/context.js";
import { toQwenApiError } from "./errors/from-openai-sdk.js";
import { localError } from "./errors/local-error.js";
import type { QwenApiError } from "./errors/qwen-api-error.js";
import { guardedFetch } from "./http/guarded-fetch.js";
import { StreamRequester } from "./http/stream-request.js";
import { IdleTimeout } from "./idle-timeout.js";
import { openAIClient } from "./openai-client.js";
import { checkFetch, checkMilliseconds, checkShapeRequests } from "./option-checks.js";
import type { QwenCallOptions, QwenChatRequest, QwenProviderOptions } from "./options.js";
import type { QwenChatResult } from "./result.js";
import { type RetryPolicy, retryDelayMs, retryPolicy, sleep } from "./retry.js";
import { type ShapedChatRequest, shapeChatRequest } from "./shape-request.js";
import { readSseChunks } from "./sse-chunks.js";
import { StreamAssembler } from "./stream-assembler.js";
import type { QwenStreamEvent } from "./stream-events.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * A Model Studio (Qwen / DashScope) client on top of the official `openai` SDK. Create it with
 * {@link createQwenProvider}. Safe to log: `util.inspect` and `JSON.stringify` show the config
 * with the key masked.
 */
export interface QwenProvider {
  /** The resolved configuration (endpoint, plan, region, model, capabilities, warnings); key masked. */
  readonly config: ResolvedQwenConfig;
  /**
   * The underlying `OpenAI` client, pointed at the endpoint, with its own retries off. Use it for
   * APIs qwenkit does not wrap; shape chat bodies with {@link shapeChatRequest} first.
   */
  readonly client: OpenAI;
  /** The capabilities requests are shaped by for `model` (default: the configured model). */
  capabilitiesFor(model?: string): EndpointCapabilities;
  /** The body qwenkit would send for `request` (and what shaping changed). No I/O. */
  shape(request: QwenChatRequest, options: { readonly stream: boolean }): ShapedChatRequest;
  /**
   * A non-streaming chat call, retried on retryable errors. A call that asks for thinking on an
   * endpoint where only streaming calls may think is streamed and aggregated for you.
   *
   * @throws {@link QwenApiError} (as a rejection) on any failure of the call; `TypeError` /
   * `QwenConfigError` for bad input (a malformed `thinking` option, another provider's model ref).
   */
  chat(request: QwenChatRequest, options?: QwenCallOptions): Promise<QwenChatResult>;
  /**
   * A streaming chat call: an async iterable of {@link QwenStreamEvent}s with a `result` promise.
   * Usage is requested on native endpoints. Retried only while nothing has been delivered.
   * Failures of the call surface through the iterator and `result` as {@link QwenApiError}s.
   *
   * @throws `TypeError` / `QwenConfigError` synchronously for bad input (see {@link QwenProvider.chat}).
   */
  stream(request: QwenChatRequest, options?: QwenCallOptions): QwenChatStream;
}

/**
 * Creates a {@link QwenProvider}: resolves the configuration with `resolveQwenConfig` (same
 * options, same errors) and builds an `OpenAI` client for the endpoint.
 *
 * @throws `QwenConfigError` (from `@qwenkit/core`) for bad configuration, e.g. no API key.
 * @throws `QwenConfigError` (kind `invalid-option`) for a bad `timeout`, `maxRetries`, `retryDelays` or `shapeRequests`.
 * @example
 * ```ts
 * const qwen = createQwenProvider({ authChoice: "qwen-standard-api-key" }); // key from QWEN_API_KEY
 * const { text, usage } = await qwen.chat({ messages: [{ role: "user", content: "Hello" }] });
 * ```
 */
export function createQwenProvider(options: QwenProviderOptions = {}): QwenProvider {
  return new Provider(options);
}

class Provider implements QwenProvider {
  readonly config: ResolvedQwenConfig;
  readonly #client: OpenAI;
  readonly #requester: StreamRequester;
  readonly #options: QwenProviderOptions;
  readonly #policy: RetryPolicy;
  readonly #endpointCapabilities: EndpointCapabilities;
  /** What every response is masked for: the key, in one array shared by every call. */
  readonly #secrets: readonly string[];

  constructor(options: QwenProviderOptions) {
    this.config = resolveQwenConfig(options);
    this.#secrets = [this.config.apiKey.reveal()];
    checkMilliseconds(options.timeout, "timeout", { zero: false });
    checkShapeRequests(options.shapeRequests);
    checkFetch(options.fetch);
    this.#options = options;
    this.#policy = retryPolicy(options.maxRetries, options.retryDelays);
    // Not config.capabilities: its streamingUsage is already decided for the default model.
    this.#endpointCapabilities = capabilitiesForBaseUrl(
      options.shapeRequests === "always"
        ? // Any native host: "always" shaping applies the rules every native host shares. Looked
          // up here, not when the module loads, so importing the provider does no such work.
          endpointFor({ plan: "standard", region: "ap-southeast-1" }).baseUrl
        : this.config.endpoint.baseUrl,
    );
    const fetch = guardedFetch(options.fetch, { secrets: this.#secrets });
    this.#client = openAIClient(this.config, options, fetch);
    this.#requester = new StreamRequester(this.#client, fetch);
  }

  get client(): OpenAI {
    return this.#client;
  }

  capabilitiesFor(model?: string): EndpointCapabilities {
    const modelId = model === undefined ? this.config.model.modelId : parseModelRef(model).modelId;
    return capabilitiesForModel(this.config, modelId, this.#endpointCapabilities);
  }

  shape(request: QwenChatRequest, options: { readonly stream: boolean }): ShapedChatRequest {
    const { modelId, info } = this.#model(request.model);
    return shapeChatRequest(
      { ...request, model: modelId },
      {
        capabilities: capabilitiesForModel(this.config, modelId, this.#endpointCapabilities),
        model: info,
        stream: options.stream,
      },
    );
  }

  async chat(request: QwenChatRequest, options: QwenCallOptions = {}): Promise<QwenChatResult> {
    const shaped = this.shape(request, { stream: false });
    if (shaped.warnings.some((warning) => warning.code === "thinking-requires-streaming")) {
      return this.stream(request, options).result;
    }
    const context = this.#context(shaped.body.model, options);
    const policy = this.#callPolicy(options);
    const signal = options.signal;
    return withRetries(policy, context, signal, async () => {
      const { data, request_id } = await this.#client.chat.completions
        .create({ ...shaped.body, stream: false }, this.#requestOptions(options, signal))
        .withResponse();
      return resultFromCompletion(
        data,
        { requestId: request_id ?? undefined, warnings: shaped.warnings },
        { secrets: context.secrets },
      );
    });
  }

  stream(request: QwenChatRequest, options: QwenCallOptions = {}): QwenChatStream {
    const shaped = this.shape(request, { stream: true });
    const context = this.#context(shaped.body.model, options);
    const policy = this.#callPolicy(options);
    return createChatStream(async (emit, stop) => {
      if (options.signal === undefined) {
        return withRetries(policy, context, stop, (attempt) =>
          this.#streamAttempt(shaped, options, stop, context, emit, attempt),
        );
      }
      const call = new AbortController();
      const unlink = linkAbort(call, [options.signal, stop]);
      try {
        return await withRetries(policy, context, call.signal, (attempt) =>
          this.#streamAttempt(shaped, options, call.signal, context, emit, attempt),
        );
      } finally {
        unlink();
      }
    });
  }

  async #streamAttempt(
    shaped: ShapedChatRequest,
    options: QwenCallOptions,
    signal: AbortSignal,
    context: QwenErrorContext,
    emit: (event: QwenStreamEvent) => void,
    attempt: Attempt,
  ): Promise<QwenChatResult> {
    const assembler = new StreamAssembler({ secrets: context.secrets });
    let requestId: string | undefined;
    const partial = () =>
      assembler.chunkCount > 0 ? assembler.snapshot({ requestId, warnings: shaped.warnings }) : undefined;
    // One limit bounds the wait for the response headers, then each wait for a chunk.
    const attemptAbort = new AbortController();
    const idleMs = options.timeout ?? this.#options.timeout ?? this.#client.timeout;
    const idle = new IdleTimeout(idleMs, (reason) => attemptAbort.abort(reason));
    const unlink = linkAbort(attemptAbort, [signal]);
    const stopped = () =>
      signal.aborted
        ? localError("aborted", context, signal.reason)
        : idle.expired
          ? localError("timeout", context, idle.reason)
          : undefined;
    try {
      // Sent and read here rather than through the SDK's request path and its per-frame async
      // generators (see StreamRequester and readSseChunks); its errors are the SDK's.
      idle.touch();
      const response = await this.#requester.send({
        body: { ...shaped.body, stream: true },
        headers: options.headers,
        timeoutMs: options.timeout,
        signal: attemptAbort.signal,
      });
      requestId = response.headers.get("x-request-id") ?? undefined;
      idle.touch();
      const deliver = (event: QwenStreamEvent) => {
        attempt.delivered = true;
        emit(event);
      };
      await readSseChunks(response, {
        onBytes: () => idle.touch(),
        onChunk: (chunk) => assembler.pushTo(chunk, deliver),
      });
      const stop = stopped();
      if (stop) throw stop;
      if (!assembler.finished) throw localError("stream-interrupted", context);
      for (const event of assembler.end()) emit(event);
      return assembler.snapshot({ requestId, warnings: shaped.warnings });
    } catch (error) {
      const failure =
        stopped() ?? toQwenApiError(error, context, assembler.chunkCount > 0 ? "stream" : "request");
      throw failure.withPartial(partial());
    } finally {
      idle.clear();
      unlink();
    }
  }

  #model(model: string | undefined): { readonly modelId: string; readonly info: ModelInfo } {
    if (model === undefined) return { modelId: this.config.model.modelId, info: this.config.model.info };
    const { modelId } = parseModelRef(model);
    return { modelId, info: modelInfo(modelId) };
  }

  #context(model: string, options: QwenCallOptions): QwenErrorContext {
    return {
      model,
      keyKind: this.config.apiKey.kind,
      endpoint: this.config.endpoint,
      planModels: this.config.planModels?.models,
      timeoutMs: options.timeout ?? this.#options.timeout,
      secrets: this.#secrets,
    };
  }

  #callPolicy(options: QwenCallOptions): RetryPolicy {
    checkMilliseconds(options.timeout, "options.timeout", { zero: false });
    return options.maxRetries === undefined
      ? this.#policy
      : retryPolicy(options.maxRetries, this.#options.retryDelays);
  }

  #requestOptions(options: QwenCallOptions, signal: AbortSignal | undefined) {
    return {
      maxRetries: 0,
      ...(signal === undefined ? {} : { signal }),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
    };
  }

  toJSON(): Record<string, unknown> {
    return { config: this.config };
  }

  [INSPECT](): string {
    const { endpoint, model, apiKey } = this.config;
    return `QwenProvider { baseUrl: ${endpoint.baseUrl}, plan: ${endpoint.plan ?? "custom"}, model: ${model.ref}, apiKey: ${apiKey.masked} }`;
  }
}

/** State one attempt shares with the retry loop. */
interface Attempt {
  /** Set once any event reached the caller: from then on the call is never retried. */
  delivered: boolean;
}

async function withRetries<T>(
  policy: RetryPolicy,
  context: QwenErrorContext,
  signal: AbortSignal | undefined,
  run: (attempt: Attempt) => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    const attempt: Attempt = { delivered: false };
    let failure: QwenApiError;
    try {
      return await run(attempt);
    } catch (error) {
      const mapped = toQwenApiError(error, context);
      failure =
        signal?.aborted && mapped.kind !== "aborted"
          ? localError("aborted", context, signal.reason).withPartial(mapped.partial)
          : mapped;
    }
    const delay = attempt.delivered || signal?.aborted ? undefined : retryDelayMs(failure, retry, policy);
    if (delay === undefined) throw failure;
    try {
      await sleep(delay, signal);
    } catch (reason) {
      throw localError("aborted", context, reason);
    }
  }
}
