/**
 * `@qwenkit/core/advanced`: the tables and pure helpers `resolveQwenConfig` is built from, for
 * gateways and tools that need one piece of the resolution on its own: the plans, host families
 * and their matching, endpoint capabilities, protocol paths, key kinds, auth choices, plan model
 * lists, key lookup, env files and OpenClaw config reading, the catalog lookup, provider ids, the
 * mock's loopback URL layout, and "did you mean" suggestions. Everything here is documented and follows semver like the root.
 *
 * @packageDocumentation
 */
export {
  describeKeyKind,
  KEY_KINDS,
  keyFitsPlan,
  planFromKey,
  plansOfKeyKind,
} from "./api-key-kinds.js";
export { authChoiceSpec, resolveAuthChoice } from "./auth-choice.js";
export { AUTH_CHOICE_IDS, authChoiceFor, authChoicesOf, keyVariablesFor } from "./auth-choices.js";
export { isLoopbackHost, normalizeBaseUrl } from "./base-url.js";
export { CUSTOM_CAPABILITIES, capabilitiesForBaseUrl, NATIVE_CAPABILITIES } from "./capabilities.js";
export { DEFAULT_MODEL_REF, modelInfo, UNKNOWN_MODEL_DEFAULTS } from "./catalog.js";
export { type OpenClawConfigReadOptions, readOpenClawConfig } from "./config/openclaw-config.js";
export { SECRET_FILE_MAX_BYTES } from "./config/secret-ref.js";
export {
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  type EndpointFamilySpec,
  familyHost,
  type HostRule,
  isEndpointFamilyId,
  needsWorkspaceId,
} from "./endpoints/families.js";
export { matchNativeHost, mockBaseUrl } from "./endpoints/match.js";
export { isPlan, PLAN_IDS, PLANS, type PlanSpec } from "./endpoints/plans.js";
export {
  checkProtocolPath,
  PROTOCOL_PATHS,
  type ProtocolPathId,
  type ProtocolPathNotice,
  type ProtocolPathSpec,
} from "./endpoints/protocol-paths.js";
export { isRegionId, REGION_IDS } from "./endpoints/regions.js";
export { isWorkspaceId } from "./endpoints/workspace-id.js";
export { DEFAULT_ENV_FILES, ENV_FILE_MAX_BYTES, readEnvFile } from "./env-file.js";
export { API_KEY_ENV_VARS, findApiKey, resolveApiKey } from "./keys/api-key-lookup.js";
export type { ResolvedApiKey } from "./keys/config-api-key.js";
export { CURRENT_PLAN_MODELS, currentPlanModels, isListedPlan, isPlanModelListId } from "./plan-models.js";
export {
  QWEN_PROVIDER_ALIASES,
  QWEN_PROVIDER_ID,
  QWEN_PROVIDERS,
  QWEN_TOKEN_PLAN_PROVIDER_ALIASES,
  QWEN_TOKEN_PLAN_PROVIDER_ID,
  type QwenProviderSpec,
} from "./provider-id.js";
export { didYouMean, type SuggestOptions, suggest } from "./suggest.js";
