import { NoSuchModelError, type ProviderV4 } from "@ai-sdk/provider";
import type { CatalogModelId } from "@qwenkit/core";
import { createQwenProvider, type QwenProvider, type QwenProviderOptions } from "@qwenkit/provider";
import { QwenChatLanguageModel } from "./qwen-chat-model.js";

/** A model id (`qwen3.5-plus`, `glm-5`, any id the endpoint serves) or a ref (`qwen/glm-5`). */
export type QwenModelId = CatalogModelId | (string & {});

/**
 * Options of {@link createQwen}: those of `createQwenProvider` from `@qwenkit/provider` (auth
 * choice or base URL, key lookup, model, `fetch`, `defaultHeaders`, `timeout`, …). One differs:
 * `maxRetries` defaults to 0, because the AI SDK retries failed calls itself (its own
 * `maxRetries`, default 2, by qwenkit's verdict of what is retryable); set it to let qwenkit
 * retry instead, and pass `maxRetries: 0` to the AI SDK's calls then.
 */
export type QwenSettings = QwenProviderOptions;

/**
 * A Model Studio provider for the Vercel AI SDK. Call it with a model id for a chat model;
 * without one it gives the configured model (the `model` option, an OpenClaw config's default,
 * else `qwen3.5-plus`).
 */
export interface QwenAiProvider extends ProviderV4 {
  (modelId?: QwenModelId): QwenChatLanguageModel;
  /** The chat model `modelId` (default: the configured model). */
  languageModel(modelId?: QwenModelId): QwenChatLanguageModel;
  /** Not offered: throws `NoSuchModelError`. */
  embeddingModel(modelId: string): never;
  /** Not offered: throws `NoSuchModelError`. */
  imageModel(modelId: string): never;
}

// Models are usually created once, but `qwen(id)` inline in every call is common: keep the
// resolved provider of recent ids, a bounded few.
const MAX_CACHED_MODELS = 32;

/**
 * Creates a Model Studio provider for the Vercel AI SDK. The configuration (auth choice or base
 * URL, key, plan, region, model) is resolved here, by `@qwenkit/core`, so a missing key or a bad
 * base URL fails now, before any request; each model id gets its own resolution, so its plan
 * warnings (a model outside the Coding Plan, …) are about that model.
 *
 * @throws QwenConfigError (from `@qwenkit/core`) for bad configuration, e.g. no API key.
 * @example
 * ```ts
 * import { createQwen } from "@qwenkit/ai-sdk";
 * import { streamText } from "ai";
 *
 * const qwen = createQwen({ authChoice: "qwen-standard-api-key-cn" }); // key from QWEN_API_KEY
 * const result = streamText({ model: qwen("qwen3.5-plus"), prompt: "Write a haiku about Hangzhou." });
 * for await (const text of result.textStream) process.stdout.write(text);
 * ```
 */
export function createQwen(options: QwenSettings = {}): QwenAiProvider {
  // One retry loop, not two multiplied: the AI SDK's, unless the caller asked for qwenkit's.
  const settings = { ...options, maxRetries: options.maxRetries ?? 0 };
  const base = createQwenProvider(settings);
  const resolved = new Map<string, QwenProvider>();
  const providerFor = (modelId: string | undefined): QwenProvider => {
    if (modelId === undefined || modelId === base.config.model.modelId || modelId === base.config.model.ref) {
      return base;
    }
    let qwen = resolved.get(modelId);
    if (qwen === undefined) {
      qwen = createQwenProvider({ ...settings, model: modelId });
      if (resolved.size >= MAX_CACHED_MODELS) resolved.delete(resolved.keys().next().value as string);
      resolved.set(modelId, qwen);
    }
    return qwen;
  };
  const languageModel = (modelId?: QwenModelId) => new QwenChatLanguageModel(providerFor(modelId));
  return withModelTypes(languageModel);
}

/**
 * The default provider: `createQwen()` with the environment's key (`QWEN_API_KEY`,
 * `MODELSTUDIO_API_KEY` or `DASHSCOPE_API_KEY`), the plan inferred from it. Nothing is resolved
 * or read when this module is imported; the first model you create resolves it (and throws
 * `QwenConfigError` then if there is no key).
 *
 * @example
 * ```ts
 * import { qwen } from "@qwenkit/ai-sdk";
 * import { generateText } from "ai";
 *
 * const { text } = await generateText({ model: qwen("qwen3.5-plus"), prompt: "Hello!" });
 * ```
 */
export const qwen: QwenAiProvider = withModelTypes(lazyLanguageModel());

function lazyLanguageModel(): (modelId?: QwenModelId) => QwenChatLanguageModel {
  let provider: QwenAiProvider | undefined;
  return (modelId) => {
    provider ??= createQwen();
    return provider.languageModel(modelId);
  };
}

function withModelTypes(languageModel: (modelId?: QwenModelId) => QwenChatLanguageModel): QwenAiProvider {
  const provider = (modelId?: QwenModelId) => languageModel(modelId);
  return Object.assign(provider, {
    specificationVersion: "v4" as const,
    languageModel,
    embeddingModel: (modelId: string): never => {
      throw new NoSuchModelError({ modelId, modelType: "embeddingModel" });
    },
    imageModel: (modelId: string): never => {
      throw new NoSuchModelError({ modelId, modelType: "imageModel" });
    },
  });
}
