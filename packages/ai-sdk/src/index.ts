export { type QwenErrorData, qwenApiErrorOf } from "./errors.js";
export { QwenChatLanguageModel } from "./qwen-chat-model.js";
export {
  createQwen,
  type QwenAiProvider,
  type QwenModelId,
  type QwenSettings,
  qwen,
} from "./qwen-provider.js";
export type { QwenChatOptions } from "./request/provider-options.js";
export type { QwenNote, QwenProviderMetadata } from "./response/provider-metadata.js";
