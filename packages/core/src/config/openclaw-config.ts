import { normalizeBaseUrl } from "../base-url.js";
import { Environment, processEnv } from "../env-variables.js";
import { QwenConfigError } from "../errors.js";
import { type ResolvedApiKey, readConfigApiKey } from "../keys/config-api-key.js";
import { parseModelRef } from "../model-ref.js";
import type { FileSystem } from "../node/file-system.js";
import { platformFileSystem } from "../node/node-file-system.js";
import {
  normalizeProviderId,
  QWEN_PROVIDER_ID,
  QWEN_PROVIDERS,
  type QwenProviderId,
} from "../provider-id.js";
import {
  isRecord,
  nonBlank,
  optionalBoolean,
  optionalRecord,
  optionalString,
  optionalStringArray,
  optionalStringRecord,
} from "../validate.js";
import { readConfigEnvBlock } from "./env-block.js";
import { firstField, type ProviderEntry, providerEntries } from "./provider-entries.js";
import { type Substituted, substitute } from "./substitute.js";

/**
 * The settings of one qwenkit provider in an OpenClaw-style config, with `${VAR}` references
 * substituted. `<provider>` is `qwen` or `qwen-token-plan` with their aliases.
 */
export interface OpenClawQwenSettings {
  /** `agents.defaults.model.primary` (may name another provider; the resolver decides). */
  readonly model?: string;
  /** `models.providers.<provider|alias>.baseUrl`, normalized. */
  readonly baseUrl?: string;
  /** `models.providers.<provider|alias>.apiKey` in any of its forms, held masked, with where it came from. */
  readonly apiKey?: ResolvedApiKey;
  /** Per-model streaming usage from `models.providers.<provider|alias>.models[].compat.supportsUsageInStreaming`, by model id. */
  readonly streamingUsage?: Readonly<Record<string, boolean>>;
}

/** Where {@link readOpenClawConfig} looks up `${VAR}` references and variable names. */
export interface OpenClawConfigReadOptions {
  /** The environment; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Env files read after `env` (and before the config's env block). Default: none. */
  readonly envFiles?: readonly string[];
  /** Whose entries to read: `qwen` (default) or `qwen-token-plan`, or one of their aliases. */
  readonly providerId?: string;
}

/** The `models.providers` keys of a provider, in precedence order: its id, then its aliases. */
function entryIds(provider: QwenProviderId): readonly string[] {
  return [provider, ...QWEN_PROVIDERS[provider].aliases];
}

function rethrowAt(path: string, error: unknown): never {
  if (!(error instanceof QwenConfigError)) throw error;
  throw new QwenConfigError(error.kind, `${path}: ${error.message}`, error.hint, { cause: error });
}

/**
 * Runs a check on a substituted value. A value that came from variables may be anything (even a
 * key set in the wrong variable), so its errors name the path and variables, never the value.
 */
function checked<T>(substituted: Substituted, path: string, check: (value: string) => T): T {
  try {
    return check(substituted.value);
  } catch (error) {
    if (!(error instanceof QwenConfigError) || substituted.variables.length === 0) rethrowAt(path, error);
    const names = substituted.variables.map((variable) => variable.name).join(", ");
    throw new QwenConfigError(
      error.kind,
      `${path} is not valid after substituting ${names} (the value is not shown: it came from the environment).`,
      `Check the value of ${names}.`,
    );
  }
}

function configString(value: unknown, path: string, environment: Environment): Substituted | undefined {
  const text = nonBlank(optionalString(value, path));
  return text === undefined ? undefined : substitute(text, path, environment);
}

/**
 * The config's primary model ref (`agents.defaults.model.primary`, or `agents.defaults.model` as
 * a string), substituted; a substituted ref is checked here, so no later error quotes it.
 */
export function readPrimaryModel(
  config: Readonly<Record<string, unknown>>,
  environment: Environment,
): string | undefined {
  const agents = optionalRecord(config.agents, "config.agents");
  const defaults = optionalRecord(agents?.defaults, "config.agents.defaults");
  const model = defaults?.model;
  if (model !== undefined && typeof model !== "string" && !isRecord(model)) {
    throw new QwenConfigError(
      "invalid-option",
      "config.agents.defaults.model must be a model ref or an object with a primary model ref.",
      'Write it as { primary: "qwen/qwen3.5-plus" }.',
    );
  }
  const path =
    typeof model === "string" ? "config.agents.defaults.model" : "config.agents.defaults.model.primary";
  const primary = configString(typeof model === "string" ? model : model?.primary, path, environment);
  if (primary === undefined) return undefined;
  // A substituted ref is checked here, so the resolver never quotes it; a foreign one is fine
  // (the gateway-wide default may belong to another provider).
  if (primary.variables.length > 0) {
    checked(primary, path, (value) => {
      try {
        parseModelRef(value);
      } catch (error) {
        if (!(error instanceof QwenConfigError && error.kind === "foreign-model-ref")) throw error;
      }
    });
  }
  return primary.value;
}

function baseUrl(entries: readonly ProviderEntry[], environment: Environment): string | undefined {
  const field = firstField(entries, "baseUrl");
  if (field === undefined) return undefined;
  const substituted = configString(field.value, field.path, environment);
  return substituted && checked(substituted, field.path, normalizeBaseUrl);
}

function streamingUsageByModel(
  entries: readonly ProviderEntry[],
  environment: Environment,
): Readonly<Record<string, boolean>> | undefined {
  const field = firstField(entries, "models");
  if (field === undefined) return undefined;
  const { path, value: models } = field;
  if (!Array.isArray(models)) {
    throw new QwenConfigError("invalid-option", `${path} must be an array.`, `Fix ${path} or leave it out.`);
  }
  const settings: [string, boolean][] = [];
  models.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) {
      throw new QwenConfigError("invalid-option", `${at} must be an object.`, `Fix ${at} or remove it.`);
    }
    const compat = optionalRecord(item.compat, `${at}.compat`);
    const value = optionalBoolean(compat?.supportsUsageInStreaming, `${at}.compat.supportsUsageInStreaming`);
    if (value === undefined) return;
    const id = configString(item.id, `${at}.id`, environment);
    if (id === undefined) {
      throw new QwenConfigError(
        "invalid-option",
        `${at}.id is missing.`,
        `Give ${at} the model id it configures.`,
      );
    }
    settings.push([checked(id, `${at}.id`, (ref) => parseModelRef(ref).modelId), value]);
  });
  // fromEntries defines own properties, so an id such as "__proto__" stays a plain key.
  return settings.length === 0 ? undefined : Object.fromEntries(settings);
}

/**
 * Reads one provider's settings of a config object against an environment whose last layer is
 * the config's own env block (see {@link readOpenClawConfig}).
 */
export function readOpenClawSettings(
  config: Readonly<Record<string, unknown>>,
  environment: Environment,
  fileSystem: FileSystem | undefined,
  provider: QwenProviderId,
): OpenClawQwenSettings {
  const entries = providerEntries(config, entryIds(provider));
  const model = readPrimaryModel(config, environment);
  const url = baseUrl(entries, environment);
  const streamingUsage = streamingUsageByModel(entries, environment);
  const keyField = firstField(entries, "apiKey");
  const secrets = optionalRecord(config.secrets, "config.secrets");
  const apiKey =
    keyField && readConfigApiKey(keyField.value, keyField.path, { environment, secrets, fileSystem });
  return {
    ...(model !== undefined && { model }),
    ...(url !== undefined && { baseUrl: url }),
    ...(apiKey !== undefined && { apiKey }),
    ...(streamingUsage !== undefined && { streamingUsage }),
  };
}

/** The config as an object, or `undefined` for none; anything else is an error. */
export function configObject(config: unknown): Readonly<Record<string, unknown>> | undefined {
  if (config === undefined || config === null) return undefined;
  if (isRecord(config)) return config;
  throw new QwenConfigError(
    "invalid-option",
    "config must be an object (an OpenClaw-style config).",
    "Pass the parsed config object, or leave config out.",
  );
}

/**
 * Reads the Qwen settings from an OpenClaw-style config object:
 * `agents.defaults.model.primary` (a string, or `model` itself as a string),
 * `models.providers.<id>.baseUrl`, `models.providers.<id>.apiKey` and
 * `models.providers.<id>.models[].compat.supportsUsageInStreaming`, where `<id>` is `qwen` or an
 * alias (case-insensitive), or with `providerId: "qwen-token-plan"` that id or
 * `bailian-token-plan`. For each field, the first entry that sets it wins: `qwen` first, then
 * `modelstudio`, `qwencloud`, `dashscope`; so a migrated config holding both a `qwen` and a
 * `modelstudio` entry works. Blank strings count as not set; other keys are ignored.
 *
 * String values may hold `${VAR}` references (`$${VAR}` is a literal `${VAR}`); the key may also
 * be a variable's name or a SecretRef (`{ source: "env" | "file", provider, id }`). Variables come
 * from `env` (default `process.env`), then `envFiles`, then the config's env block (`env.vars`
 * and string entries of `env`), a layer never overriding an earlier one's value.
 *
 * @throws {@link QwenConfigError} `invalid-option` naming the path of a value of the wrong type;
 * `unknown-provider-id` for a `providerId` that is not a qwenkit provider;
 * `invalid-base-url` for a malformed `baseUrl`; `invalid-model-ref` / `foreign-model-ref` for a
 * bad id in `models[]`; `missing-env-var` naming an unset variable; `unsupported-secret-source`
 * for a SecretRef qwenkit cannot resolve. Never with a value read from a variable or file.
 */
export function readOpenClawConfig(
  config: unknown,
  options: OpenClawConfigReadOptions = {},
): OpenClawQwenSettings {
  const object = configObject(config);
  if (object === undefined) return {};
  const env = optionalStringRecord(options.env, "env") ?? processEnv();
  const envFiles = optionalStringArray(options.envFiles, "envFiles") ?? [];
  const providerOption = nonBlank(optionalString(options.providerId, "providerId"));
  const provider = providerOption === undefined ? QWEN_PROVIDER_ID : normalizeProviderId(providerOption);
  if (provider === undefined) {
    throw new QwenConfigError(
      "unknown-provider-id",
      "providerId is not a qwenkit provider.",
      `Pass one of ${Object.keys(QWEN_PROVIDERS).join(", ")} or an alias, or leave providerId out.`,
    );
  }
  const environment = new Environment(env, envFiles, readConfigEnvBlock(object), platformFileSystem);
  return readOpenClawSettings(object, environment, platformFileSystem, provider);
}
