/**
 * `@qwenkit/core`: resolves what a user configured (auth choice, base URL, key, model, an
 * OpenClaw-style config) into everything a client needs to call Alibaba Cloud Model Studio,
 * before any request. The root holds that user API: {@link resolveQwenConfig}, its error, the key
 * wrapper, model refs, endpoints, and the tables a UI lists (auth choices, regions, the catalog,
 * the plans' model lists). The tables and pure helpers the resolver is built from are in
 * `@qwenkit/core/advanced`; DashScope's wire format is in `@qwenkit/core/wire`.
 *
 * @packageDocumentation
 */
export { ApiKey, maskApiKey } from "./api-key.js";
export type { KeyKind } from "./api-key-kinds.js";
export type { AuthChoiceSpec } from "./auth-choice.js";
export { AUTH_CHOICES, type AuthChoice, type AuthChoiceRow, type LegacyAuthChoice } from "./auth-choices.js";
export type { EndpointCapabilities } from "./capabilities.js";
export {
  CATALOG,
  type CatalogModelId,
  type ModelInfo,
  type ModelInput,
  type ThinkingMode,
} from "./catalog.js";
export type { OpenClawQwenSettings } from "./config/openclaw-config.js";
export { type EndpointSelection, endpointFor } from "./endpoints/endpoint-for.js";
export type { EndpointFamilyId } from "./endpoints/families.js";
export { matchNativeEndpoint, type NativeEndpoint, type NativeHostMatch } from "./endpoints/match.js";
export type { Plan } from "./endpoints/plans.js";
export { REGIONS, type RegionId, type RegionSpec } from "./endpoints/regions.js";
export { defaultEnvFiles } from "./env-file.js";
export type { VariableOrigin, VariableRef } from "./env-variables.js";
export { QwenConfigError, type QwenConfigErrorKind } from "./errors.js";
export type { ApiKeyLookup } from "./keys/api-key-lookup.js";
export {
  type ConfigKeyReference,
  describeKeySource,
  type KeySource,
  type SecretRefOrigin,
} from "./keys/key-source.js";
export { capabilitiesForModel, type StreamingUsageSettings } from "./model-capabilities.js";
export { type ModelRef, parseModelRef } from "./model-ref.js";
export {
  type ListedPlan,
  PLAN_MODEL_LISTS,
  type PlanModelList,
  type PlanModelListId,
} from "./plan-models.js";
export { normalizeProviderId, type QwenProviderId } from "./provider-id.js";
export {
  type EndpointSource,
  type PlanModelsInUse,
  type ResolvedEndpoint,
  type ResolvedQwenConfig,
  type ResolveQwenConfigOptions,
  resolveQwenConfig,
} from "./resolve.js";
export type { QwenWarning, QwenWarningCode } from "./warnings.js";
