import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from "@ai-sdk/provider";
import type { ResolvedQwenConfig } from "@qwenkit/core";
import type { QwenCallOptions, QwenChatRequest, QwenProvider, QwenStreamEvent } from "@qwenkit/provider";
import type { ShapedChatRequest } from "@qwenkit/provider/advanced";
import { type FailedCall, qwenApiErrorOf, toAiSdkError } from "./errors.js";
import { toChatCall } from "./request/chat-request.js";
import { toContent, toResponseMetadata } from "./response/content.js";
import { toFinishReason } from "./response/finish-reason.js";
import { noteWarning, type QwenNote, qwenProviderMetadata } from "./response/provider-metadata.js";
import { StreamPartWriter } from "./response/stream-parts.js";
import { toUsage } from "./response/usage.js";

/** DashScope fetches http(s) images itself; the AI SDK downloads every other URL. */
const SUPPORTED_URLS: Readonly<Record<string, RegExp[]>> = { "image/*": [/^https?:\/\//] };

/** A call ready to send: the request, the body qwenkit will send for it, and the adapter's warnings. */
interface PreparedCall {
  readonly request: QwenChatRequest;
  readonly shaped: ShapedChatRequest;
  readonly warnings: readonly SharedV4Warning[];
  readonly callOptions: QwenCallOptions;
  readonly failed: FailedCall;
}

/**
 * A Model Studio chat model for the Vercel AI SDK (language model specification v4), calling
 * through `@qwenkit/provider`: requests are shaped for the endpoint, streams carry usage, and
 * failures keep qwenkit's kind, hint and request id. Create it with `qwen(modelId)`.
 */
export class QwenChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = "v4";
  readonly provider = "qwen.chat";
  /** The model id as DashScope spells it (a ref such as `qwen/glm-5` is resolved to `glm-5`). */
  readonly modelId: string;
  readonly supportedUrls = SUPPORTED_URLS;
  readonly #qwen: QwenProvider;

  /** @param qwen - a provider resolved for this model (see `createQwen`). */
  constructor(qwen: QwenProvider) {
    this.#qwen = qwen;
    this.modelId = qwen.config.model.modelId;
  }

  /** The resolved configuration (endpoint, plan, region, model, warnings); the key is masked. */
  get config(): ResolvedQwenConfig {
    return this.#qwen.config;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const call = this.#prepare(options, false);
    let result: Awaited<ReturnType<QwenProvider["chat"]>>;
    try {
      result = await this.#qwen.chat(call.request, call.callOptions);
    } catch (error) {
      throw toAiSdkError(error, call.failed);
    }
    const notes = this.#notes(result.warnings);
    return {
      content: toContent(result),
      finishReason: toFinishReason(result.finishReason),
      usage: toUsage(result.usage),
      providerMetadata: qwenProviderMetadata(result.requestId, notes),
      request: { body: call.shaped.body },
      response: toResponseMetadata(result),
      warnings: [...call.warnings, ...notes.map(noteWarning)],
    };
  }

  /**
   * Resolves once the response has started (its first event arrived) or failed, so a call that
   * fails before anything is delivered rejects here and the AI SDK's retries apply to it.
   */
  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const call = this.#prepare(options, true);
    const stream = this.#qwen.stream(call.request, call.callOptions);
    const events = stream[Symbol.asyncIterator]();
    let pending: IteratorResult<QwenStreamEvent, undefined> | undefined;
    try {
      pending = await events.next();
    } catch (error) {
      throw toAiSdkError(error, call.failed);
    }
    const notes = this.#notes(call.shaped.warnings);
    const abortSignal = options.abortSignal;
    let writer: StreamPartWriter;
    return {
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start: (controller) => {
          controller.enqueue({
            type: "stream-start",
            warnings: [...call.warnings, ...notes.map(noteWarning)],
          });
          writer = new StreamPartWriter((part) => controller.enqueue(part));
        },
        // Hands on events while a reader is waiting; stops when the queue has a part unread.
        pull: async (controller) => {
          try {
            do {
              const step = pending ?? (await events.next());
              pending = undefined;
              if (step.done === true) {
                const result = await stream.result;
                writer.finish(result, qwenProviderMetadata(result.requestId, notes));
                controller.close();
                return;
              }
              writer.write(step.value);
            } while ((controller.desiredSize ?? 0) > 0);
          } catch (error) {
            if (abortSignal?.aborted) {
              controller.error(abortSignal.reason);
              return;
            }
            const qwenError = qwenApiErrorOf(error);
            const requestId = qwenError?.requestId ?? qwenError?.partial?.requestId;
            writer.fail(toAiSdkError(error, call.failed), qwenProviderMetadata(requestId, notes));
            controller.close();
          }
        },
        cancel: async () => {
          await events.return?.();
        },
      }),
      request: { body: call.shaped.body },
    };
  }

  #prepare(options: LanguageModelV4CallOptions, stream: boolean): PreparedCall {
    const { request, warnings } = toChatCall(options);
    let shaped = this.#qwen.shape(request, { stream });
    // QwenProvider.chat streams a call that may think only when streamed; show that body.
    if (!stream && shaped.warnings.some((warning) => warning.code === "thinking-requires-streaming")) {
      shaped = this.#qwen.shape(request, { stream: true });
    }
    const headers = definedHeaders(options.headers);
    return {
      request,
      shaped,
      warnings,
      callOptions: {
        ...(options.abortSignal === undefined ? {} : { signal: options.abortSignal }),
        ...(headers === undefined ? {} : { headers }),
      },
      failed: {
        url: `${this.config.endpoint.baseUrl}/chat/completions`,
        body: shaped.body,
        abortSignal: options.abortSignal,
      },
    };
  }

  /** The configuration's warnings, then those of shaping this call. */
  #notes(shapingWarnings: readonly QwenNote[]): QwenNote[] {
    return [...this.config.warnings, ...shapingWarnings];
  }
}

/** The AI SDK's per-call headers without the `undefined` entries it allows. */
function definedHeaders(headers: LanguageModelV4CallOptions["headers"]): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) defined[name] = value;
  return defined;
}
