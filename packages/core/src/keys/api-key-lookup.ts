import { ApiKey, maskApiKey } from "../api-key.js";
import { readConfigEnvBlock } from "../config/env-block.js";
import { configObject, type OpenClawQwenSettings, readOpenClawSettings } from "../config/openclaw-config.js";
import { Environment, type FoundVariable, processEnv } from "../env-variables.js";
import { QwenConfigError, redactError } from "../errors.js";
import type { FileSystem } from "../node/file-system.js";
import { platformFileSystem } from "../node/node-file-system.js";
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
  /** Env files read, in order, with what each held. */
  readonly files: readonly { readonly path: string; readonly outcome: FileOutcome }[];
  /** Whether the config's env block defines variables (it was searched too). */
  readonly configEnv: boolean;
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

function firstKeyVariable(environment: Environment): FoundVariable | undefined {
  for (const name of API_KEY_ENV_VARS) {
    const found = environment.get(name);
    if (found) return found;
  }
  return undefined;
}

// Config errors may quote what was written; a key pasted into the wrong field must not show.
function redactingKeys<T>(keys: readonly string[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    throw keys.reduce((redacted, key) => redactError(redacted, key, maskApiKey(key)), error);
  }
}

/**
 * Reads the config and finds the key against one environment: the `env` option (default
 * `process.env`), then each env file, then the config's env block, a later layer never
 * overriding an earlier one's value (as OpenClaw builds its environment). The key is the `apiKey`
 * option, else the config's key (in any form it takes), else the first of
 * {@link API_KEY_ENV_VARS} set in that environment. Env files are read only as far as needed.
 */
export function lookUpKeyAndConfig(lookup: ApiKeyLookup | undefined): KeyAndConfig {
  return lookUpKeyAndConfigWith(platformFileSystem, lookup);
}

/** {@link lookUpKeyAndConfig} on a given file system (`undefined`: none, as in the build for browsers). */
export function lookUpKeyAndConfigWith(
  fileSystem: FileSystem | undefined,
  lookup: ApiKeyLookup | undefined,
): KeyAndConfig {
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
  const known = [explicitValue, ...API_KEY_ENV_VARS.map((name) => env[name])].filter(
    (value): value is string => typeof value === "string" && value.trim().length >= MIN_REDACTED_KEY_LENGTH,
  );
  const settings =
    config === undefined
      ? {}
      : redactingKeys(known, () => readOpenClawSettings(config, environment, fileSystem));
  const fromConfig = explicit ?? settings.apiKey;
  const variable = fromConfig === undefined ? firstKeyVariable(environment) : undefined;
  const found = fromConfig ?? (variable && keyFrom(variable.value, keySourceOfVariable(variable)));
  return {
    settings,
    lookup: {
      found,
      explicit: explicitValue === undefined ? "not set" : "empty",
      config: config !== undefined,
      files: environment
        .filesRead()
        .map((file) => ({ path: file.path, outcome: file.found ? "no key" : "not found" })),
      configEnv: configEnv.size > 0,
    },
  };
}

// Shorter values would be scrubbed from messages by accident; real keys are over thirty characters.
const MIN_REDACTED_KEY_LENGTH = 8;

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
      `${API_KEY_ENV_VARS.join(", ")} (unset or empty), ${files}${configEnv}.`,
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
