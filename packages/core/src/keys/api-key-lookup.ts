import { ApiKey } from "../api-key.js";
import { readConfigEnvBlock } from "../config/env-block.js";
import {
  configObject,
  type OpenClawQwenSettings,
  readOpenClawSettings,
  readPrimaryModel,
} from "../config/openclaw-config.js";
import { Environment, processEnv, variableIn } from "../env-variables.js";
import { QwenConfigError } from "../errors.js";
import type { FileSystem } from "../node/file-system.js";
import { platformFileSystem } from "../node/node-file-system.js";
import { QWEN_PROVIDER_ID, type QwenProviderId } from "../provider-id.js";
import { redactError } from "../redact.js";
import { optionalString, optionalStringArray, optionalStringRecord } from "../validate.js";
import type { ResolvedApiKey } from "./config-api-key.js";
import { describeKeySource, type KeySource, keySourceOfVariable } from "./key-source.js";

/** Environment variables holding the key, highest precedence first. */
export const API_KEY_ENV_VARS = [
  "QWEN_API_KEY",
  "MODELSTUDIO_API_KEY",
  "DASHSCOPE_API_KEY",
] as const satisfies readonly string[];

/** Where to look for a key. */
export interface ApiKeyLookup {
  /** An explicit key; wins over every variable and file. Blank counts as not given. */
  readonly apiKey?: string;
  /** The environment to read; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Env files read in order after the environment, each checked for the same variables. Meant for
   * daemons whose environment lacks the shell's; pass `defaultEnvFiles()` for `~/.openclaw/.env`.
   * Missing files are skipped (and listed in the `missing-api-key` error). Default: none.
   */
  readonly envFiles?: readonly string[];
  /**
   * An OpenClaw-style config: its `models.providers.<qwen|alias>.apiKey` wins over the
   * variables, and its env block (`env.vars`) supplies variables after the env files.
   */
  readonly config?: unknown;
}

type FileOutcome = "not found" | "no key";

/** What a key lookup found, and what it tried on the way. */
export interface ApiKeyLookupResult {
  readonly found: ResolvedApiKey | undefined;
  /** State of the `apiKey` option when nothing was found there. */
  readonly explicit: "not set" | "empty";
  /** Whether a config was given (its apiKey was then not set, when nothing was found). */
  readonly config: boolean;
  /** The variables looked up for the key, in order. */
  readonly variables: readonly string[];
  /** Env files read, in order, with what each held. */
  readonly files: readonly { readonly path: string; readonly outcome: FileOutcome }[];
  /** Whether the config's env block defines variables (it was searched too). */
  readonly configEnv: boolean;
}

/**
 * The config and the key sources of one lookup, read against one environment, per provider:
 * the caller picks the provider (it may depend on the config's primary model) before asking.
 */
export interface KeySources {
  /** The config's primary model ref as written (substituted); `undefined` without one. */
  readonly model: string | undefined;
  /** The config's settings for a provider: its `models.providers` entries and their aliases. */
  settingsFor(provider: QwenProviderId): OpenClawQwenSettings;
  /**
   * The key for a provider: the `apiKey` option, else the provider's config key, else the first of
   * `keyVariables` (such as the Token Plan's) and then {@link API_KEY_ENV_VARS} set in the environment.
   */
  keyFor(provider: QwenProviderId, keyVariables?: readonly string[]): ApiKeyLookupResult;
  /**
   * The keys to scrub from the caller's errors: those {@link KeySources.keyFor} found, or when it
   * has found none (the error came first), the `qwen` key it would find, if that lookup succeeds.
   */
  keysToScrub(): readonly ApiKey[];
}

/** A config's settings and the key a lookup found, read against one environment. */
export interface KeyAndConfig {
  readonly settings: OpenClawQwenSettings;
  readonly lookup: ApiKeyLookupResult;
}

function keyFrom(value: string | undefined, source: KeySource): ResolvedApiKey | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    return { apiKey: new ApiKey(value), source };
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    throw new QwenConfigError(
      error.kind,
      `Invalid key in ${describeKeySource(source)}: ${error.message}`,
      error.hint,
    );
  }
}

/** The key in the first of `names` set in the environment. */
function keyInVariables(environment: Environment, names: readonly string[]): ResolvedApiKey | undefined {
  for (const name of names) {
    const found = environment.get(name);
    if (found) return keyFrom(found.value, keySourceOfVariable(found));
  }
  return undefined;
}

// Config errors may quote what was written; a key pasted into the wrong field must not show.
function redactingKeys<T>(keys: readonly string[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    throw redactError(error, keys);
  }
}

// Shorter values would be scrubbed from messages by accident; real keys are over thirty characters.
const MIN_REDACTED_KEY_LENGTH = 8;

/**
 * Reads the options of a key lookup into {@link KeySources}: one environment made of the `env`
 * option (default `process.env`), then each env file, then the config's env block, a later layer
 * never overriding an earlier one's value (as OpenClaw builds its environment). Env files are
 * read only as far as a lookup needs; each provider's settings are read once, when asked for.
 *
 * @throws {@link QwenConfigError} `invalid-option` for options of the wrong type, a config that
 * is not an object or an env block of the wrong shape.
 */
export function readKeySources(lookup: ApiKeyLookup | undefined): KeySources {
  return readKeySourcesWith(platformFileSystem, lookup);
}

/** {@link readKeySources} on a given file system (`undefined`: none, as in the build for browsers). */
export function readKeySourcesWith(
  fileSystem: FileSystem | undefined,
  lookup: ApiKeyLookup | undefined,
): KeySources {
  if (lookup !== undefined && (typeof lookup !== "object" || lookup === null)) {
    throw new QwenConfigError(
      "invalid-option",
      "The key lookup options must be an object.",
      "Pass { apiKey, env, envFiles }.",
    );
  }
  const explicitValue = optionalString(lookup?.apiKey, "apiKey");
  const env = optionalStringRecord(lookup?.env, "env") ?? processEnv();
  const envFiles = optionalStringArray(lookup?.envFiles, "envFiles") ?? [];
  const config = configObject(lookup?.config);
  const configEnv = config === undefined ? new Map() : readConfigEnvBlock(config);
  const environment = new Environment(env, envFiles, configEnv, fileSystem);
  const explicit = keyFrom(explicitValue, { kind: "option" });
  const known = [explicitValue, ...API_KEY_ENV_VARS.map((name) => variableIn(env, name))].filter(
    (value): value is string => typeof value === "string" && value.trim().length >= MIN_REDACTED_KEY_LENGTH,
  );
  const settings = new Map<QwenProviderId, OpenClawQwenSettings>();
  const found: ResolvedApiKey[] = [];
  const settingsFor = (provider: QwenProviderId): OpenClawQwenSettings => {
    const read =
      settings.get(provider) ??
      (config === undefined
        ? {}
        : redactingKeys(known, () => readOpenClawSettings(config, environment, fileSystem, provider)));
    settings.set(provider, read);
    return read;
  };
  return {
    model:
      config === undefined ? undefined : redactingKeys(known, () => readPrimaryModel(config, environment)),
    settingsFor,
    keyFor(provider, keyVariables = []) {
      const variables = [...new Set([...keyVariables, ...API_KEY_ENV_VARS])];
      const fromConfig = explicit ?? settingsFor(provider).apiKey;
      const key = fromConfig ?? keyInVariables(environment, variables);
      if (key) found.push(key);
      return {
        found: key,
        explicit: explicitValue === undefined ? "not set" : "empty",
        config: config !== undefined,
        variables,
        files: environment
          .filesRead()
          .map((file) => ({ path: file.path, outcome: file.found ? "no key" : "not found" })),
        configEnv: configEnv.size > 0,
      };
    },
    keysToScrub() {
      if (found.length > 0) return found.map((key) => key.apiKey);
      // The error came before any lookup: the key the `qwen` lookup finds, or (when the config
      // is what failed) the one the apiKey option or the variables hold.
      for (const lookUp of [
        () => this.keyFor(QWEN_PROVIDER_ID).found,
        () => explicit ?? keyInVariables(environment, API_KEY_ENV_VARS),
      ]) {
        try {
          const key = lookUp();
          if (key) return [key.apiKey];
        } catch {
          // Try the next; with none, the caller's error stands as it is.
        }
      }
      return [];
    },
  };
}

/**
 * The `qwen` provider's config settings and key, read against one environment (see
 * {@link readKeySources}): the `apiKey` option, else the config's key (in any form it takes),
 * else the first of {@link API_KEY_ENV_VARS} set in the environment.
 */
export function lookUpKeyAndConfig(lookup: ApiKeyLookup | undefined): KeyAndConfig {
  const sources = readKeySources(lookup);
  return { settings: sources.settingsFor(QWEN_PROVIDER_ID), lookup: sources.keyFor(QWEN_PROVIDER_ID) };
}

/** The `missing-api-key` error for a lookup that found nothing. */
export function missingApiKeyError(lookup: ApiKeyLookupResult): QwenConfigError {
  const files =
    lookup.files.length === 0
      ? "no env files (none were given)"
      : `env files ${lookup.files.map((f) => `${f.path} (${f.outcome})`).join(", ")}`;
  const config = lookup.config ? "config models.providers.<qwen|alias>.apiKey (not set), " : "";
  const configEnv = lookup.configEnv ? ", the config env block (no key)" : "";
  return new QwenConfigError(
    "missing-api-key",
    `No Model Studio API key found. Tried: the apiKey option (${lookup.explicit}), ${config}environment variables ` +
      `${lookup.variables.join(", ")} (unset or empty), ${files}${configEnv}.`,
    lookup.files.length === 0
      ? "Set QWEN_API_KEY, pass apiKey, or (for a daemon) pass envFiles: defaultEnvFiles() to read ~/.openclaw/.env."
      : "Set QWEN_API_KEY in one of those env files or in the environment, or pass apiKey.",
  );
}

/**
 * Finds the API key: the explicit `apiKey`, then the config's key, then `QWEN_API_KEY`,
 * `MODELSTUDIO_API_KEY` and `DASHSCOPE_API_KEY` in the environment `env` (default `process.env`),
 * the env files and the config's env block make up (see {@link lookUpKeyAndConfig}). Values are
 * trimmed and blank values skipped.
 *
 * @returns the key and where it came from, or `undefined` when there is none.
 * @throws {@link QwenConfigError} `invalid-option` for options of the wrong type, an unreadable
 * env file, or a key holding spaces or control characters; the config's errors.
 */
export function findApiKey(lookup?: ApiKeyLookup): ResolvedApiKey | undefined {
  return lookUpKeyAndConfig(lookup).lookup.found;
}

/**
 * Like {@link findApiKey}, but a missing key is an error.
 *
 * @throws {@link QwenConfigError} `missing-api-key`, naming every variable and env file tried.
 */
export function resolveApiKey(lookup?: ApiKeyLookup): ResolvedApiKey {
  const { lookup: result } = lookUpKeyAndConfig(lookup);
  if (result.found) return result.found;
  throw missingApiKeyError(result);
}
