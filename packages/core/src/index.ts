export { ApiKey, maskApiKey, planFromKey } from "./api-key.js";
export { resolveAuthChoice } from "./auth-choice.js";
export { AUTH_CHOICES, type AuthChoice, type AuthChoiceSpec, type LegacyAuthChoice } from "./auth-choices.js";
export { isLoopbackHost, matchNativeEndpoint, normalizeBaseUrl } from "./base-url.js";
export {
  CUSTOM_CAPABILITIES,
  capabilitiesForBaseUrl,
  type EndpointCapabilities,
  NATIVE_CAPABILITIES,
} from "./capabilities.js";
export {
  CATALOG,
  type CatalogModelId,
  CODING_PLAN_MODELS,
  DEFAULT_MODEL_REF,
  isCodingPlanModel,
  type ModelInfo,
  type ModelInput,
  modelInfo,
  type ThinkingMode,
  UNKNOWN_MODEL_DEFAULTS,
} from "./catalog.js";
export {
  type CodingRegion,
  ENDPOINTS,
  type Endpoint,
  type NativeHost,
  type Plan,
  PRIMARY_ENDPOINTS,
  type Region,
  type StandardRegion,
} from "./endpoints.js";
export {
  API_KEY_ENV_VARS,
  type ApiKeyLookup,
  describeKeySource,
  findApiKey,
  type KeySource,
  type ResolvedApiKey,
  resolveApiKey,
} from "./env.js";
export { DEFAULT_ENV_FILES, defaultEnvFiles, readEnvFile } from "./env-file.js";
export { QwenConfigError, type QwenConfigErrorKind } from "./errors.js";
export { capabilitiesForModel, type StreamingUsageSettings } from "./model-capabilities.js";
export { type ModelRef, parseModelRef } from "./model-ref.js";
export { type OpenClawQwenSettings, readOpenClawConfig } from "./openclaw-config.js";
export { normalizeProviderId, QWEN_PROVIDER_ALIASES, QWEN_PROVIDER_ID } from "./provider-id.js";
export {
  type EndpointSource,
  type ResolvedEndpoint,
  type ResolvedQwenConfig,
  type ResolveQwenConfigOptions,
  resolveQwenConfig,
} from "./resolve.js";
export type { QwenWarning, QwenWarningCode } from "./warnings.js";
