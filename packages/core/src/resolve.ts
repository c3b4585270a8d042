import type { ApiKey } from "./api-key.js";
import type { KeyKind } from "./api-key-kinds.js";
import { type AuthChoiceSpec, resolveAuthChoice } from "./auth-choice.js";
import { type AuthChoice, authChoiceFor } from "./auth-choices.js";
import { checkTransportSecurity, normalizeBaseUrl } from "./base-url.js";
import type { EndpointCapabilities } from "./capabilities.js";
import { DEFAULT_MODEL_REF, type ModelInfo, modelInfo } from "./catalog.js";
import type { OpenClawQwenSettings } from "./config/openclaw-config.js";
import { endpointFor } from "./endpoints/endpoint-for.js";
import type { EndpointFamilyId } from "./endpoints/families.js";
import { matchNativeEndpoint, type NativeEndpoint } from "./endpoints/match.js";
import { PLANS, type Plan } from "./endpoints/plans.js";
import type { RegionId } from "./endpoints/regions.js";
import { QwenConfigError, quoteInput, redactError } from "./errors.js";
import { type ApiKeyLookup, lookUpKeyAndConfig, missingApiKeyError } from "./keys/api-key-lookup.js";
import type { ResolvedApiKey } from "./keys/config-api-key.js";
import { describeKeySource, type KeySource } from "./keys/key-source.js";
import { capabilitiesForModel, type StreamingUsageSettings } from "./model-capabilities.js";
import { type ModelRef, parseModelRef } from "./model-ref.js";
import { CURRENT_PLAN_MODELS, currentPlanModels, isListedPlan } from "./plan-models.js";
import { normalizeProviderId, QWEN_PROVIDER_ALIASES, QWEN_PROVIDER_ID } from "./provider-id.js";
import { didYouMean, suggest } from "./suggest.js";
import { isRecord, nonBlank, optionalBoolean, optionalString, optionalStringArray } from "./validate.js";
import {
  authChoiceOverriddenWarning,
  keyPlanMismatchWarning,
  modelNotInPlanWarning,
  type QwenWarning,
  unrecognizedKeyFormatWarning,
} from "./warnings.js";

/** Options of {@link resolveQwenConfig}. Blank strings count as not given, like empty env vars. */
export interface ResolveQwenConfigOptions extends ApiKeyLookup {
  /** `qwen` (default) or an alias. A gateway with its own id (`bailian`) leaves this out and passes `baseUrl`. */
  readonly providerId?: string;
  /** A canonical or legacy auth choice id; selects plan, region and endpoint. */
  readonly authChoice?: string;
  /** A custom base URL; overrides the config's and the auth choice's endpoint. */
  readonly baseUrl?: string;
  /** A model ref; default: the config's `agents.defaults.model.primary`, then `qwen/qwen3.5-plus`. */
  readonly model?: string;
  /** An OpenClaw-style config object (see `readOpenClawConfig`). */
  readonly config?: unknown;
  /** Permit plain `http://` to a non-loopback host (the key travels unencrypted). Default: false. */
  readonly allowInsecureHttp?: boolean;
  /** Streaming usage on or off for this model; wins over the config and over detection. */
  readonly streamingUsage?: boolean;
  /** The Coding Plan model list for the `model-not-in-plan` warning; default the current list (`CURRENT_PLAN_MODELS`). */
  readonly codingPlanModels?: readonly string[];
}

/**
 * Where the base URL came from: the `baseUrl` option (`base-url`), the config (`config`), the
 * auth choice (`auth-choice`), the key's prefix (`key-prefix`) or the default (`default`).
 */
export type EndpointSource = "auth-choice" | "base-url" | "config" | "key-prefix" | "default";

/** The endpoint requests go to. */
export interface ResolvedEndpoint {
  /** Normalized base URL (no trailing slash); requests go to `${baseUrl}/chat/completions`. */
  readonly baseUrl: string;
  /** Whether it is a native DashScope host. */
  readonly native: boolean;
  /** The host family of the native host; `undefined` for a custom, non-native URL. */
  readonly family: EndpointFamilyId | undefined;
  /** The plan of the native host; `undefined` for a custom, non-native URL. */
  readonly plan: Plan | undefined;
  /** The region of the native host; `undefined` for a custom, non-native URL. */
  readonly region: RegionId | undefined;
  /** The workspace of a workspace-dedicated domain; `undefined` otherwise. */
  readonly workspaceId: string | undefined;
  /** Where the base URL came from. */
  readonly source: EndpointSource;
}

/** Everything a client needs to call Model Studio. Safe to log: the key shows masked. */
export interface ResolvedQwenConfig {
  /** Always the canonical id, whatever alias was given. */
  readonly providerId: "qwen";
  /** The canonical auth choice, when one was given. */
  readonly authChoice: AuthChoice | undefined;
  readonly endpoint: ResolvedEndpoint;
  /** The key; `apiKey.reveal()` is the only way to read it. */
  readonly apiKey: ApiKey;
  /** Where the key came from; `describeKeySource` turns it into text. */
  readonly keySource: KeySource;
  /** The model ref, with the catalog's info (or the defaults for an unknown model). */
  readonly model: ModelRef & { readonly info: ModelInfo & { readonly known: boolean } };
  /** How to shape requests to this endpoint for `model`; `capabilitiesForModel` gives them for any other model. */
  readonly capabilities: EndpointCapabilities;
  /** What decides streaming usage per model (the option and the config's per-model settings). */
  readonly streamingUsageSettings: StreamingUsageSettings;
  /** Problems found before any request; resolution still succeeded. */
  readonly warnings: readonly QwenWarning[];
}

const CONFIG_MODEL_PATH = "config.agents.defaults.model.primary";
// Shorter keys would match by accident; real keys are over thirty characters.
const MIN_KEY_LENGTH_FOR_LEAK_CHECK = 8;

const PROVIDER_IDS = [QWEN_PROVIDER_ID, ...QWEN_PROVIDER_ALIASES];

function checkProviderId(providerId: string | undefined): void {
  if (providerId === undefined || normalizeProviderId(providerId) !== undefined) return;
  throw new QwenConfigError(
    "unknown-provider-id",
    `Unknown provider id ${quoteInput(providerId)}.${didYouMean(providerId, PROVIDER_IDS)} qwenkit serves "qwen" and its aliases ${QWEN_PROVIDER_ALIASES.join(", ")}.`,
    "For a gateway's own provider id (e.g. bailian), leave providerId out and pass baseUrl; capabilities follow the URL.",
  );
}

function selectEndpoint(
  baseUrlOption: string | undefined,
  settings: OpenClawQwenSettings,
  choice: AuthChoiceSpec | undefined,
  keyKind: KeyKind | undefined,
  warnings: QwenWarning[],
): ResolvedEndpoint {
  const custom =
    baseUrlOption !== undefined
      ? { baseUrl: normalizeBaseUrl(baseUrlOption), source: "base-url" as const }
      : settings.baseUrl !== undefined
        ? { baseUrl: settings.baseUrl, source: "config" as const }
        : undefined;
  if (custom) {
    if (choice && custom.baseUrl !== choice.endpoint.baseUrl) {
      const from = custom.source === "base-url" ? "option" : "config";
      warnings.push(authChoiceOverriddenWarning(choice.id, choice.endpoint.baseUrl, custom.baseUrl, from));
    }
    return endpointAt(custom.baseUrl, matchNativeEndpoint(custom.baseUrl), custom.source);
  }
  if (choice) return endpointAt(choice.endpoint.baseUrl, choice.endpoint, "auth-choice");
  const region = "ap-southeast-1";
  const [endpoint, source] =
    keyKind === "subscription"
      ? [endpointFor({ plan: "coding", region }), "key-prefix" as const]
      : keyKind === "standard"
        ? [endpointFor({ plan: "standard", region }), "key-prefix" as const]
        : [endpointFor({ plan: "standard", region }), "default" as const];
  return endpointAt(endpoint.baseUrl, endpoint, source);
}

function endpointAt(
  baseUrl: string,
  native: NativeEndpoint | undefined,
  source: EndpointSource,
): ResolvedEndpoint {
  return {
    baseUrl,
    native: native !== undefined,
    family: native?.family,
    plan: native?.plan,
    region: native?.region,
    workspaceId: native?.workspaceId,
    source,
  };
}

function selectModel(option: string | undefined, configModel: string | undefined): ModelRef {
  if (option !== undefined) return parseModelRef(option);
  if (configModel === undefined) return parseModelRef(DEFAULT_MODEL_REF);
  try {
    return parseModelRef(configModel);
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    // OpenClaw's primary model is gateway-wide and may well belong to another provider.
    if (error.kind === "foreign-model-ref") return parseModelRef(DEFAULT_MODEL_REF);
    throw new QwenConfigError(error.kind, `${CONFIG_MODEL_PATH}: ${error.message}`, error.hint, {
      cause: error,
    });
  }
}

function keyWarnings(key: ResolvedApiKey, endpoint: ResolvedEndpoint): QwenWarning[] {
  const keyKind = key.apiKey.kind;
  const description = `${describeKeySource(key.source)} (${key.apiKey.masked})`;
  if (keyKind === undefined) return [unrecognizedKeyFormatWarning(description)];
  if (endpoint.plan !== undefined && PLANS[endpoint.plan].keyKind !== keyKind) {
    return [keyPlanMismatchWarning(keyKind, endpoint.plan, description, endpoint.baseUrl)];
  }
  return [];
}

function refuseKeyInPlainSight(raw: string, endpoint: ResolvedEndpoint, model: ModelRef): void {
  if (raw.length < MIN_KEY_LENGTH_FOR_LEAK_CHECK) return;
  const lowered = raw.toLowerCase();
  const field = endpoint.baseUrl.toLowerCase().includes(lowered)
    ? "base URL"
    : model.modelId.toLowerCase().includes(lowered)
      ? "model"
      : undefined;
  if (field === undefined) return;
  throw new QwenConfigError(
    "invalid-option",
    `The API key appears in the ${field}; refusing to use it there, where it would be logged.`,
    `Pass the key as apiKey (or QWEN_API_KEY) and a real ${field} instead.`,
  );
}

function resolveWithKey(
  options: ResolveQwenConfigOptions,
  settings: OpenClawQwenSettings,
  key: ResolvedApiKey | undefined,
  missingKey: () => QwenConfigError,
): ResolvedQwenConfig {
  checkProviderId(nonBlank(optionalString(options.providerId, "providerId")));
  const authChoice = nonBlank(optionalString(options.authChoice, "authChoice"));
  const baseUrl = nonBlank(optionalString(options.baseUrl, "baseUrl"));
  const modelOption = nonBlank(optionalString(options.model, "model"));
  const allowInsecureHttp = optionalBoolean(options.allowInsecureHttp, "allowInsecureHttp") ?? false;
  const streamingUsage = optionalBoolean(options.streamingUsage, "streamingUsage");
  const codingPlanModels = optionalStringArray(options.codingPlanModels, "codingPlanModels");

  const warnings: QwenWarning[] = [];
  const choice = authChoice === undefined ? undefined : resolveAuthChoice(authChoice);
  if (choice?.warning) warnings.push(choice.warning);
  const endpoint = selectEndpoint(baseUrl, settings, choice?.choice, key?.apiKey.kind, warnings);
  const insecure = checkTransportSecurity(endpoint.baseUrl, allowInsecureHttp);
  if (insecure) warnings.push(insecure);
  const model = selectModel(modelOption, settings.model);
  if (key === undefined) throw missingKey();
  refuseKeyInPlainSight(key.apiKey.reveal(), endpoint, model);
  warnings.push(...keyWarnings(key, endpoint));
  if (endpoint.plan !== undefined && endpoint.region !== undefined && isListedPlan(endpoint.plan)) {
    const current = currentPlanModels(endpoint.plan);
    const list =
      endpoint.plan === "coding" && codingPlanModels !== undefined
        ? { name: "codingPlanModels option", asOf: "the option", models: codingPlanModels }
        : { name: CURRENT_PLAN_MODELS[endpoint.plan], asOf: current.asOf, models: current.models };
    if (!(list.models as readonly string[]).includes(model.modelId)) {
      const standardChoice = authChoiceFor("standard", endpoint.region);
      warnings.push(
        modelNotInPlanWarning(
          model.modelId,
          endpoint.plan,
          endpoint.region,
          list,
          standardChoice,
          // Only case: `qwen3.7-plus` is another model, not a typo of a listed one.
          suggest(model.modelId, list.models, { maxEdits: 0 }),
        ),
      );
    }
  }

  const streamingUsageSettings = { option: streamingUsage, byModel: settings.streamingUsage ?? {} };
  return {
    providerId: "qwen",
    authChoice: choice?.choice.id,
    endpoint,
    apiKey: key.apiKey,
    keySource: key.source,
    model: { ...model, info: modelInfo(model.modelId) },
    capabilities: capabilitiesForModel({ endpoint, streamingUsageSettings }, model.modelId),
    streamingUsageSettings,
    warnings,
  };
}

/**
 * Resolves everything needed to call Model Studio, before any request: endpoint (base URL, plan,
 * region), API key and its source, model and its catalog info, endpoint capabilities, and
 * warnings (deprecated auth choice, key/plan mismatch, model outside the Coding Plan, …).
 *
 * Precedence: base URL from `baseUrl` > config `models.providers.<qwen|alias>.baseUrl` >
 * `authChoice` > the key's prefix (`sk-sp-` → Coding Plan Global, other `sk-` → Standard Global)
 * > Standard Global. Key from `apiKey` > config `models.providers.<qwen|alias>.apiKey` > `QWEN_API_KEY` > `MODELSTUDIO_API_KEY` >
 * `DASHSCOPE_API_KEY` > the same variables in each of `envFiles`. Model from `model` > config
 * `agents.defaults.model.primary` (ignored when it names another provider) > `qwen/qwen3.5-plus`.
 * Streaming usage from `streamingUsage` > config per-model setting > detection by base URL.
 * `env` defaults to `process.env`; env files are read only when passed.
 *
 * @throws {@link QwenConfigError} of any kind; never with the key in it.
 * @example
 * const resolved = resolveQwenConfig({ authChoice: "qwen-standard-api-key", env: { QWEN_API_KEY: "sk-…" } });
 * resolved.endpoint.baseUrl; // "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
 */
export function resolveQwenConfig(options: ResolveQwenConfigOptions = {}): ResolvedQwenConfig {
  if (!isRecord(options)) {
    throw new QwenConfigError(
      "invalid-option",
      "resolveQwenConfig options must be an object.",
      "Pass an options object, or nothing.",
    );
  }
  // Config and key are read against one environment (env, env files, the config's env block).
  const { settings, lookup } = lookUpKeyAndConfig(options);
  return redacting(lookup.found, () =>
    resolveWithKey(options, settings, lookup.found, () => missingApiKeyError(lookup)),
  );
}

// Errors may quote user input, and a key can end up in the wrong field by mistake.
function redacting<T>(key: ResolvedApiKey | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (key && error instanceof QwenConfigError)
      throw redactError(error, key.apiKey.reveal(), key.apiKey.masked);
    throw error;
  }
}
