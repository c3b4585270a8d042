export { ApiKey, maskApiKey } from "./api-key.js";
export {
  describeKeyKind,
  KEY_KINDS,
  type KeyKind,
  keyFitsPlan,
  planFromKey,
  plansOfKeyKind,
} from "./api-key-kinds.js";
export { type AuthChoiceSpec, authChoiceSpec, resolveAuthChoice } from "./auth-choice.js";
export {
  AUTH_CHOICE_IDS,
  AUTH_CHOICES,
  type AuthChoice,
  type AuthChoiceRow,
  authChoiceFor,
  authChoicesOf,
  keyVariablesFor,
  type LegacyAuthChoice,
} from "./auth-choices.js";
export { isLoopbackHost, normalizeBaseUrl } from "./base-url.js";
export {
  CUSTOM_CAPABILITIES,
  capabilitiesForBaseUrl,
  type EndpointCapabilities,
  NATIVE_CAPABILITIES,
} from "./capabilities.js";
export {
  CATALOG,
  type CatalogModelId,
  DEFAULT_MODEL_REF,
  type ModelInfo,
  type ModelInput,
  modelInfo,
  type ThinkingMode,
  UNKNOWN_MODEL_DEFAULTS,
} from "./catalog.js";
export {
  type OpenClawConfigReadOptions,
  type OpenClawQwenSettings,
  readOpenClawConfig,
} from "./config/openclaw-config.js";
export { SECRET_FILE_MAX_BYTES } from "./config/secret-ref.js";
export { type EndpointSelection, endpointFor } from "./endpoints/endpoint-for.js";
export {
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  type EndpointFamilyId,
  type EndpointFamilySpec,
  familyHost,
  type HostRule,
  isEndpointFamilyId,
  needsWorkspaceId,
} from "./endpoints/families.js";
export {
  matchNativeEndpoint,
  matchNativeHost,
  mockBaseUrl,
  type NativeEndpoint,
  type NativeHostMatch,
} from "./endpoints/match.js";
export { isPlan, PLAN_IDS, PLANS, type Plan, type PlanSpec } from "./endpoints/plans.js";
export {
  checkProtocolPath,
  PROTOCOL_PATHS,
  type ProtocolPathId,
  type ProtocolPathNotice,
  type ProtocolPathSpec,
} from "./endpoints/protocol-paths.js";
export { isRegionId, REGION_IDS, REGIONS, type RegionId, type RegionSpec } from "./endpoints/regions.js";
export { isWorkspaceId } from "./endpoints/workspace-id.js";
export { DEFAULT_ENV_FILES, defaultEnvFiles, ENV_FILE_MAX_BYTES, readEnvFile } from "./env-file.js";
export type { VariableOrigin, VariableRef } from "./env-variables.js";
export { QwenConfigError, type QwenConfigErrorKind } from "./errors.js";
export { API_KEY_ENV_VARS, type ApiKeyLookup, findApiKey, resolveApiKey } from "./keys/api-key-lookup.js";
export type { ResolvedApiKey } from "./keys/config-api-key.js";
export {
  type ConfigKeyReference,
  describeKeySource,
  type KeySource,
  type SecretRefOrigin,
} from "./keys/key-source.js";
export { capabilitiesForModel, type StreamingUsageSettings } from "./model-capabilities.js";
export { type ModelRef, parseModelRef } from "./model-ref.js";
export {
  CURRENT_PLAN_MODELS,
  currentPlanModels,
  isListedPlan,
  isPlanModelListId,
  type ListedPlan,
  PLAN_MODEL_LISTS,
  type PlanModelList,
  type PlanModelListId,
} from "./plan-models.js";
export {
  normalizeProviderId,
  QWEN_PROVIDER_ALIASES,
  QWEN_PROVIDER_ID,
  QWEN_PROVIDERS,
  QWEN_TOKEN_PLAN_PROVIDER_ALIASES,
  QWEN_TOKEN_PLAN_PROVIDER_ID,
  type QwenProviderId,
  type QwenProviderSpec,
} from "./provider-id.js";
export {
  looksLikeKey,
  maskCredential,
  type RedactOptions,
  redactError,
  redactSecrets,
  redactValue,
} from "./redact.js";
export {
  type EndpointSource,
  type PlanModelsInUse,
  type ResolvedEndpoint,
  type ResolvedQwenConfig,
  type ResolveQwenConfigOptions,
  resolveQwenConfig,
} from "./resolve.js";
export { didYouMean, type SuggestOptions, suggest } from "./suggest.js";
export type { QwenWarning, QwenWarningCode } from "./warnings.js";
