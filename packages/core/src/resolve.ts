import type { ApiKey } from "./api-key.js";
import { resolveAuthChoice } from "./auth-choice.js";
import { type AuthChoice, authChoiceFor, keyVariablesFor } from "./auth-choices.js";
import { checkTransportSecurity, normalizeBaseUrl } from "./base-url.js";
import type { EndpointCapabilities } from "./capabilities.js";
import { DEFAULT_MODEL_REF, type ModelInfo, modelInfo } from "./catalog.js";
import { isPlan, PLAN_IDS, PLANS, type Plan } from "./endpoints/plans.js";
import { isRegionId, REGION_IDS, type RegionId } from "./endpoints/regions.js";
import { endpointIntent, type ResolvedEndpoint, selectEndpoint } from "./endpoints/select-endpoint.js";
import { QwenConfigError, quoteInput } from "./errors.js";
import {
  type ApiKeyLookup,
  type KeySources,
  missingApiKeyError,
  readKeySources,
} from "./keys/api-key-lookup.js";
import type { ResolvedApiKey } from "./keys/config-api-key.js";
import { describeResolvedKey, type KeySource } from "./keys/key-source.js";
import { capabilitiesForModel, type StreamingUsageSettings } from "./model-capabilities.js";
import { type ModelRef, parseModelRef } from "./model-ref.js";
import {
  CURRENT_PLAN_MODELS,
  isListedPlan,
  isPlanModelListId,
  type ListedPlan,
  PLAN_MODEL_LISTS,
  type PlanModelListId,
} from "./plan-models.js";
import {
  allProviderIds,
  normalizeProviderId,
  QWEN_PROVIDER_ID,
  QWEN_PROVIDERS,
  type QwenProviderId,
} from "./provider-id.js";
import { redactError } from "./redact.js";
import { didYouMean, suggest } from "./suggest.js";
import { isRecord, nonBlank, optionalBoolean, optionalString, optionalStringArray } from "./validate.js";
import {
  keyPlanMismatchWarning,
  modelNotInPlanWarning,
  type QwenWarning,
  unrecognizedKeyFormatWarning,
} from "./warnings.js";

/** Options of {@link resolveQwenConfig}. Blank strings count as not given, like empty env vars. */
export interface ResolveQwenConfigOptions extends ApiKeyLookup {
  /**
   * `qwen` (default) or an alias, or `qwen-token-plan` (alias `bailian-token-plan`), which means the
   * Token Plan. A gateway with its own id (`bailian`) leaves this out and passes `baseUrl`.
   */
  readonly providerId?: string;
  /** A canonical or legacy auth choice id; selects plan, region and endpoint. */
  readonly authChoice?: string;
  /** The plan: `standard` (Pay-as-you-go), `coding` or `token`; with `region` it selects the host. */
  readonly plan?: Plan;
  /** The Alibaba Cloud RegionId, e.g. `ap-southeast-1` (the default) or `cn-beijing`. */
  readonly region?: RegionId;
  /** A workspace id: selects the workspace-dedicated domain of `region` (Pay-as-you-go only). */
  readonly workspaceId?: string;
  /** A custom base URL; overrides the config's endpoint and whatever the other options select. */
  readonly baseUrl?: string;
  /** A model ref; default: the config's `agents.defaults.model.primary`, then `qwen/qwen3.5-plus`. */
  readonly model?: string;
  /** An OpenClaw-style config object (see `readOpenClawConfig`). */
  readonly config?: unknown;
  /** Permit plain `http://` to a non-loopback host (the key travels unencrypted). Default: false. */
  readonly allowInsecureHttp?: boolean;
  /** Streaming usage on or off for this model; wins over the config and over detection. */
  readonly streamingUsage?: boolean;
  /**
   * The Coding Plan model list for the `model-not-in-plan` warning: a list id of
   * `PLAN_MODEL_LISTS` (e.g. `"coding-2026-03"`) or the model ids; default the current list.
   */
  readonly codingPlanModels?: PlanModelListId | readonly string[];
  /** The Token Plan model list, likewise; default the current list. */
  readonly tokenPlanModels?: PlanModelListId | readonly string[];
}

export type { EndpointSource, ResolvedEndpoint } from "./endpoints/select-endpoint.js";

/** Everything a client needs to call Model Studio. Safe to log: the key shows masked. */
export interface ResolvedQwenConfig {
  /** The canonical provider id, whatever alias was given: `qwen`, or `qwen-token-plan` for the Token Plan. */
  readonly providerId: QwenProviderId;
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
  /**
   * The model list of the endpoint's subscription plan that the warnings read (the option's, else
   * the current dated list); `undefined` on Pay-as-you-go and custom endpoints.
   */
  readonly planModels: PlanModelsInUse | undefined;
  /** Problems found before any request; resolution still succeeded. */
  readonly warnings: readonly QwenWarning[];
}

/** A plan model list in use: its name (a `PLAN_MODEL_LISTS` id, or the option that gave it), date and ids. */
export interface PlanModelsInUse {
  readonly name: string;
  readonly asOf: string;
  readonly models: readonly string[];
}

const CONFIG_MODEL_PATH = "config.agents.defaults.model.primary";
// Shorter keys would match by accident; real keys are over thirty characters.
const MIN_KEY_LENGTH_FOR_LEAK_CHECK = 8;

function checkedProviderId(providerId: string | undefined): QwenProviderId | undefined {
  if (providerId === undefined) return undefined;
  const normalized = normalizeProviderId(providerId);
  if (normalized !== undefined) return normalized;
  const known = allProviderIds();
  throw new QwenConfigError(
    "unknown-provider-id",
    `Unknown provider id ${quoteInput(providerId)}.${didYouMean(providerId, known)} qwenkit serves ${known.map((id) => `"${id}"`).join(", ")}.`,
    "For a gateway's own provider id (e.g. bailian), leave providerId out and pass baseUrl; capabilities follow the URL.",
  );
}

function checkedPlan(value: unknown): Plan | undefined {
  const plan = nonBlank(optionalString(value, "plan"));
  if (plan === undefined || isPlan(plan)) return plan;
  throw new QwenConfigError(
    "invalid-option",
    `Unknown plan ${quoteInput(plan)}.${didYouMean(plan, PLAN_IDS)}`,
    `Use one of: ${PLAN_IDS.join(", ")} (standard is Pay-as-you-go).`,
  );
}

function checkedRegion(value: unknown): RegionId | undefined {
  const region = nonBlank(optionalString(value, "region"));
  if (region === undefined || isRegionId(region)) return region;
  throw new QwenConfigError(
    "invalid-option",
    `Unknown region ${quoteInput(region)}.${didYouMean(region, REGION_IDS)}`,
    `Use an Alibaba Cloud RegionId: ${REGION_IDS.join(", ")} (China is cn-beijing, Global is ap-southeast-1).`,
  );
}

function planModelsOption(
  value: unknown,
  plan: ListedPlan,
  path: string,
): readonly string[] | PlanModelListId | undefined {
  if (typeof value === "string") {
    if (isPlanModelListId(value) && PLAN_MODEL_LISTS[value].plan === plan) return value;
    const ids = Object.keys(PLAN_MODEL_LISTS).filter(
      (id) => PLAN_MODEL_LISTS[id as PlanModelListId].plan === plan,
    );
    throw new QwenConfigError(
      "invalid-option",
      `${path} ${quoteInput(value)} is not a model list of the ${PLANS[plan].label}.`,
      `Use one of ${ids.join(", ")}, or an array of model ids.`,
    );
  }
  return optionalStringArray(value, path);
}

/** The model list a plan's `model-not-in-plan` warning reads: the option's, else the current one. */
function planModelList(
  plan: ListedPlan,
  option: readonly string[] | PlanModelListId | undefined,
  path: string,
): PlanModelsInUse {
  if (Array.isArray(option)) return { name: `the ${path} option`, asOf: "the option", models: option };
  const id = (option as PlanModelListId | undefined) ?? CURRENT_PLAN_MODELS[plan];
  const list = PLAN_MODEL_LISTS[id];
  return { name: id, asOf: list.asOf, models: list.models };
}

function defaultModel(provider: QwenProviderId): ModelRef {
  return parseModelRef(parseModelRef(DEFAULT_MODEL_REF).modelId, provider);
}

/**
 * The provider and the model. A model ref's prefix names the provider when `providerId` is not
 * given (`qwen-token-plan/glm-5` means the Token Plan); one that names the other qwenkit provider
 * than `providerId` is an error. The config's primary model is gateway-wide, so one of another
 * provider is ignored.
 */
function selectProviderAndModel(
  providerOption: QwenProviderId | undefined,
  option: string | undefined,
  configModel: string | undefined,
): { readonly provider: QwenProviderId; readonly model: ModelRef } {
  if (option !== undefined) {
    const model = parseModelRef(option, providerOption ?? QWEN_PROVIDER_ID);
    if (providerOption !== undefined && model.provider !== providerOption) {
      throw new QwenConfigError(
        "foreign-model-ref",
        `Model ref ${quoteInput(option)} names the provider "${model.provider}", but providerId is "${providerOption}".`,
        `Write the model as "${providerOption}/${model.modelId}" or a bare "${model.modelId}", or leave providerId out.`,
      );
    }
    return { provider: model.provider, model };
  }
  const provider = providerOption ?? QWEN_PROVIDER_ID;
  return { provider, model: configuredModel(provider, configModel) };
}

function configuredModel(provider: QwenProviderId, configModel: string | undefined): ModelRef {
  if (configModel === undefined) return defaultModel(provider);
  try {
    const model = parseModelRef(configModel, provider);
    return model.provider === provider ? model : defaultModel(provider);
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    // OpenClaw's primary model is gateway-wide and may well belong to another provider.
    if (error.kind === "foreign-model-ref") return defaultModel(provider);
    throw new QwenConfigError(error.kind, `${CONFIG_MODEL_PATH}: ${error.message}`, error.hint, {
      cause: error,
    });
  }
}

/**
 * A missing key while the config's primary model names the other qwenkit provider (a gateway's
 * `qwen-token-plan/…` with only a Token Plan entry): the hint says how to use that provider.
 * Only the provider id is named; the ref itself may hold substituted values.
 */
function withOtherProviderHint(
  error: QwenConfigError,
  providerOption: QwenProviderId | undefined,
  provider: QwenProviderId,
  configModel: string | undefined,
): QwenConfigError {
  if (providerOption !== undefined || configModel === undefined) return error;
  let named: QwenProviderId;
  try {
    named = parseModelRef(configModel, provider).provider;
  } catch {
    return error;
  }
  if (named === provider) return error;
  return new QwenConfigError(
    error.kind,
    error.message,
    `The config's primary model is a "${named}" ref, which qwenkit does not follow by itself: pass providerId: "${named}" to use that provider and its models.providers entry. Otherwise: ${error.hint}`,
  );
}

function keyWarnings(key: ResolvedApiKey, endpoint: ResolvedEndpoint): QwenWarning[] {
  const keyKind = key.apiKey.kind;
  const description = describeResolvedKey(key);
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

function resolveWithKey(options: ResolveQwenConfigOptions, sources: KeySources): ResolvedQwenConfig {
  const providerOption = checkedProviderId(nonBlank(optionalString(options.providerId, "providerId")));
  const authChoice = nonBlank(optionalString(options.authChoice, "authChoice"));
  const plan = checkedPlan(options.plan);
  const region = checkedRegion(options.region);
  const workspaceId = nonBlank(optionalString(options.workspaceId, "workspaceId"))?.trim().toLowerCase();
  const baseUrl = nonBlank(optionalString(options.baseUrl, "baseUrl"));
  const modelOption = nonBlank(optionalString(options.model, "model"));
  const allowInsecureHttp = optionalBoolean(options.allowInsecureHttp, "allowInsecureHttp") ?? false;
  const streamingUsage = optionalBoolean(options.streamingUsage, "streamingUsage");
  const planModels = {
    coding: planModelsOption(options.codingPlanModels, "coding", "codingPlanModels"),
    token: planModelsOption(options.tokenPlanModels, "token", "tokenPlanModels"),
  };

  const warnings: QwenWarning[] = [];
  const choice = authChoice === undefined ? undefined : resolveAuthChoice(authChoice);
  if (choice?.warning) warnings.push(choice.warning);
  const { provider, model } = selectProviderAndModel(providerOption, modelOption, sources.model);
  const settings = sources.settingsFor(provider);
  const inputs = {
    baseUrl: baseUrl === undefined ? undefined : normalizeBaseUrl(baseUrl),
    configBaseUrl: settings.baseUrl,
    choice: choice?.choice,
    provider: { id: provider, plan: QWEN_PROVIDERS[provider].plan },
    plan,
    region,
    workspaceId,
  };
  // The plan and region the options point at pick the variables looked up first (the Token Plan's).
  const intent = endpointIntent(inputs);
  const lookup = sources.keyFor(
    provider,
    intent.plan === undefined || intent.region === undefined
      ? []
      : keyVariablesFor(intent.plan, intent.region),
  );
  const key = lookup.found;
  const endpoint = selectEndpoint(inputs, key, warnings);
  const insecure = checkTransportSecurity(endpoint.baseUrl, allowInsecureHttp);
  if (insecure) warnings.push(insecure);
  if (key === undefined)
    throw withOtherProviderHint(missingApiKeyError(lookup), providerOption, provider, sources.model);
  refuseKeyInPlainSight(key.apiKey.reveal(), endpoint, model);
  warnings.push(...keyWarnings(key, endpoint));
  const listedPlan = endpoint.plan !== undefined && isListedPlan(endpoint.plan) ? endpoint.plan : undefined;
  const list =
    listedPlan === undefined
      ? undefined
      : planModelList(listedPlan, planModels[listedPlan], `${listedPlan}PlanModels`);
  if (list !== undefined && listedPlan !== undefined && endpoint.region !== undefined) {
    if (!list.models.includes(model.modelId)) {
      const standardChoice = authChoiceFor("standard", endpoint.region);
      warnings.push(
        modelNotInPlanWarning(
          model.modelId,
          listedPlan,
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
    providerId: provider,
    authChoice: choice?.choice.id,
    endpoint,
    apiKey: key.apiKey,
    keySource: key.source,
    model: { ...model, info: modelInfo(model.modelId) },
    capabilities: capabilitiesForModel({ endpoint, streamingUsageSettings }, model.modelId),
    streamingUsageSettings,
    planModels: list,
    warnings,
  };
}

/**
 * Resolves everything needed to call Model Studio, before any request: endpoint (base URL, host
 * family, plan, region, workspace id), API key and its source, model and its catalog info,
 * endpoint capabilities, and warnings (deprecated auth choice, key/plan mismatch, model outside
 * the plan's list, a guessed subscription plan, …).
 *
 * Precedence: base URL from `baseUrl` > config `models.providers.<provider|alias>.baseUrl` >
 * `plan` / `region` / `workspaceId` together with `authChoice` and the provider id (which must
 * agree) > the key's prefix (`sk-sp-` → the Coding Plan in `ap-southeast-1`, with a warning that
 * this is a guess; other `sk-` → Pay-as-you-go in `ap-southeast-1`) > Pay-as-you-go in
 * `ap-southeast-1` (see `selectEndpoint`). Key from `apiKey` > config
 * `models.providers.<provider|alias>.apiKey` > the plan's own variables (the Token Plan's
 * `QWEN_TOKEN_PLAN_API_KEY` / `QWEN_TOKEN_PLAN_CN_API_KEY`) > `QWEN_API_KEY` > `MODELSTUDIO_API_KEY` >
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
  const sources = readKeySources(options);
  return redacting(sources, () => resolveWithKey(options, sources));
}

// Errors may quote user input, and a key can end up in the wrong field by mistake.
function redacting<T>(sources: KeySources, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    throw redactError(
      error,
      sources.keysToScrub().map((key) => key.reveal()),
    );
  }
}
