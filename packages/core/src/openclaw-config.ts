import { ApiKey } from "./api-key.js";
import { normalizeBaseUrl } from "./base-url.js";
import { QwenConfigError } from "./errors.js";
import { parseModelRef } from "./model-ref.js";
import { QWEN_PROVIDER_ALIASES, QWEN_PROVIDER_ID } from "./provider-id.js";
import { isRecord, nonBlank, optionalBoolean, optionalRecord, optionalString } from "./validate.js";

/** The Qwen-relevant settings of an OpenClaw-style config. */
export interface OpenClawQwenSettings {
  /** `agents.defaults.model.primary` as written (may name another provider; the resolver decides). */
  readonly model?: string;
  /** `models.providers.<qwen|alias>.baseUrl`, normalized. */
  readonly baseUrl?: string;
  /** `models.providers.<qwen|alias>.apiKey`, held masked, with the path it was read from. */
  readonly apiKey?: { readonly key: ApiKey; readonly path: string };
  /** Per-model streaming usage from `models.providers.<qwen|alias>.models[].compat.supportsUsageInStreaming`, by model id. */
  readonly streamingUsage?: Readonly<Record<string, boolean>>;
}

/** Provider keys read under `models.providers`, in precedence order. */
const PROVIDER_KEYS: readonly string[] = [QWEN_PROVIDER_ID, ...QWEN_PROVIDER_ALIASES];

function rethrowAt(path: string, error: unknown): never {
  if (!(error instanceof QwenConfigError)) throw error;
  throw new QwenConfigError(error.kind, `${path}: ${error.message}`, error.hint, { cause: error });
}

function primaryModel(config: Readonly<Record<string, unknown>>): string | undefined {
  const agents = optionalRecord(config.agents, "config.agents");
  const defaults = optionalRecord(agents?.defaults, "config.agents.defaults");
  const model = defaults?.model;
  if (model === undefined || typeof model === "string") return nonBlank(model);
  if (!isRecord(model)) {
    throw new QwenConfigError(
      "invalid-option",
      "config.agents.defaults.model must be a model ref or an object with a primary model ref.",
      'Write it as { primary: "qwen/qwen3.5-plus" }.',
    );
  }
  return nonBlank(optionalString(model.primary, "config.agents.defaults.model.primary"));
}

function providerEntry(
  config: Readonly<Record<string, unknown>>,
): { readonly path: string; readonly entry: Readonly<Record<string, unknown>> } | undefined {
  const models = optionalRecord(config.models, "config.models");
  const providers = optionalRecord(models?.providers, "config.models.providers");
  if (providers === undefined) return undefined;
  // Keys match like provider ids: trimmed and case-insensitive.
  const byId = new Map<string, string>();
  for (const key of Object.keys(providers)) {
    const id = key.trim().toLowerCase();
    if (PROVIDER_KEYS.includes(id) && !byId.has(id)) byId.set(id, key);
  }
  for (const id of PROVIDER_KEYS) {
    const key = byId.get(id);
    if (key === undefined) continue;
    const path = `config.models.providers.${key}`;
    const entry = optionalRecord(providers[key], path);
    if (entry) return { path, entry };
  }
  return undefined;
}

function streamingUsageByModel(
  entry: Readonly<Record<string, unknown>>,
  path: string,
): Readonly<Record<string, boolean>> | undefined {
  const models = entry.models;
  if (models === undefined) return undefined;
  if (!Array.isArray(models)) {
    throw new QwenConfigError(
      "invalid-option",
      `${path}.models must be an array.`,
      `Fix ${path}.models or leave it out.`,
    );
  }
  const settings: [string, boolean][] = [];
  models.forEach((item: unknown, index) => {
    const at = `${path}.models[${index}]`;
    if (!isRecord(item)) {
      throw new QwenConfigError("invalid-option", `${at} must be an object.`, `Fix ${at} or remove it.`);
    }
    const compat = optionalRecord(item.compat, `${at}.compat`);
    const value = optionalBoolean(compat?.supportsUsageInStreaming, `${at}.compat.supportsUsageInStreaming`);
    if (value === undefined) return;
    const id = optionalString(item.id, `${at}.id`);
    if (id === undefined) {
      throw new QwenConfigError(
        "invalid-option",
        `${at}.id is missing.`,
        `Give ${at} the model id it configures.`,
      );
    }
    try {
      settings.push([parseModelRef(id).modelId, value]);
    } catch (error) {
      rethrowAt(`${at}.id`, error);
    }
  });
  // fromEntries defines own properties, so an id such as "__proto__" stays a plain key.
  return settings.length === 0 ? undefined : Object.fromEntries(settings);
}

function configApiKey(
  entry: Readonly<Record<string, unknown>>,
  path: string,
): { readonly key: ApiKey; readonly path: string } | undefined {
  const at = `${path}.apiKey`;
  const value = nonBlank(optionalString(entry.apiKey, at));
  if (value === undefined) return undefined;
  try {
    return { key: new ApiKey(value), path: at };
  } catch (error) {
    rethrowAt(at, error);
  }
}

/**
 * Reads the Qwen settings from an OpenClaw-style config object:
 * `agents.defaults.model.primary` (a string, or `model` itself as a string),
 * `models.providers.<id>.baseUrl`, `models.providers.<id>.apiKey` and
 * `models.providers.<id>.models[].compat.supportsUsageInStreaming`,
 * where `<id>` is `qwen` or an alias (case-insensitive; `qwen` first, then `modelstudio`,
 * `qwencloud`, `dashscope`, and only the first present entry counts). Blank strings count as not
 * set; other keys are ignored. `undefined` or `null` gives no settings.
 *
 * @throws {@link QwenConfigError} `invalid-option` naming the path of a value of the wrong type;
 * `invalid-base-url` for a malformed `baseUrl`; `invalid-model-ref` / `foreign-model-ref` for a
 * bad id in `models[]`.
 */
export function readOpenClawConfig(config: unknown): OpenClawQwenSettings {
  if (config === undefined || config === null) return {};
  if (!isRecord(config)) {
    throw new QwenConfigError(
      "invalid-option",
      "config must be an object (an OpenClaw-style config).",
      "Pass the parsed config object, or leave config out.",
    );
  }
  const model = primaryModel(config);
  const provider = providerEntry(config);
  let baseUrl: string | undefined;
  const rawBaseUrl = provider && nonBlank(optionalString(provider.entry.baseUrl, `${provider.path}.baseUrl`));
  if (provider && rawBaseUrl !== undefined) {
    try {
      baseUrl = normalizeBaseUrl(rawBaseUrl);
    } catch (error) {
      rethrowAt(`${provider.path}.baseUrl`, error);
    }
  }
  const streamingUsage = provider && streamingUsageByModel(provider.entry, provider.path);
  const apiKey = provider && configApiKey(provider.entry, provider.path);
  return {
    ...(model !== undefined && { model }),
    ...(baseUrl !== undefined && { baseUrl }),
    ...(apiKey !== undefined && { apiKey }),
    ...(streamingUsage !== undefined && { streamingUsage }),
  };
}
