import { ApiKey } from "./api-key.js";
import { readEnvFile } from "./env-file.js";
import { QwenConfigError } from "./errors.js";
import { optionalString, optionalStringArray, optionalStringRecord } from "./validate.js";

/** Environment variables holding the key, highest precedence first. */
export const API_KEY_ENV_VARS = [
  "QWEN_API_KEY",
  "MODELSTUDIO_API_KEY",
  "DASHSCOPE_API_KEY",
] as const satisfies readonly string[];

/** Where a key came from (never the key itself). */
export type KeySource =
  | { readonly kind: "option" }
  | { readonly kind: "config"; readonly path: string }
  | { readonly kind: "env"; readonly variable: string }
  | { readonly kind: "env-file"; readonly variable: string; readonly path: string };

/** A key found by {@link findApiKey}, with its source. */
export interface ResolvedApiKey {
  readonly apiKey: ApiKey;
  readonly source: KeySource;
}

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
}

type FileOutcome = "not found" | "no key";

/** What a key lookup found, and what it tried on the way. */
export interface ApiKeyLookupResult {
  readonly found: ResolvedApiKey | undefined;
  /** State of the `apiKey` option when nothing was found there. */
  readonly explicit: "not set" | "empty";
  /** Env files read, in order, with what each held. */
  readonly files: readonly { readonly path: string; readonly outcome: FileOutcome }[];
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

function firstInVariables(
  vars: Readonly<Record<string, string | undefined>>,
  source: (variable: string) => KeySource,
): ResolvedApiKey | undefined {
  for (const variable of API_KEY_ENV_VARS) {
    const value = vars[variable];
    const found = keyFrom(typeof value === "string" ? value : undefined, source(variable));
    if (found) return found;
  }
  return undefined;
}

/**
 * Walks the key sources in precedence order, reading env files only as far as needed, and reports
 * what it tried. The building block of {@link findApiKey} and {@link resolveApiKey}.
 */
export function lookUpApiKey(
  lookup: ApiKeyLookup | undefined,
  /** A key read from config (see `readOpenClawConfig`): wins over the environment, loses to `apiKey`. */
  fromConfig?: { readonly key: ApiKey; readonly path: string },
): ApiKeyLookupResult {
  if (lookup !== undefined && (typeof lookup !== "object" || lookup === null)) {
    throw new QwenConfigError(
      "invalid-option",
      "The key lookup options must be an object.",
      "Pass { apiKey, env, envFiles }.",
    );
  }
  const explicit = optionalString(lookup?.apiKey, "apiKey");
  const env = optionalStringRecord(lookup?.env, "env") ?? process.env;
  const envFiles = optionalStringArray(lookup?.envFiles, "envFiles") ?? [];
  const explicitState = explicit === undefined ? "not set" : "empty";
  const files: { path: string; outcome: FileOutcome }[] = [];
  const found =
    keyFrom(explicit, { kind: "option" }) ??
    (fromConfig && { apiKey: fromConfig.key, source: { kind: "config", path: fromConfig.path } }) ??
    firstInVariables(env, (variable) => ({ kind: "env", variable }));
  if (found) return { found, explicit: explicitState, files };
  for (const path of envFiles) {
    const vars = readEnvFile(path);
    const inFile = vars && firstInVariables(vars, (variable) => ({ kind: "env-file", variable, path }));
    if (inFile) return { found: inFile, explicit: explicitState, files };
    files.push({ path, outcome: vars ? "no key" : "not found" });
  }
  return { found: undefined, explicit: explicitState, files };
}

/** The `missing-api-key` error for a lookup that found nothing. */
export function missingApiKeyError(lookup: ApiKeyLookupResult): QwenConfigError {
  const files =
    lookup.files.length === 0
      ? "no env files (none were given)"
      : `env files ${lookup.files.map((f) => `${f.path} (${f.outcome})`).join(", ")}`;
  return new QwenConfigError(
    "missing-api-key",
    `No Model Studio API key found. Tried: the apiKey option (${lookup.explicit}), environment variables ` +
      `${API_KEY_ENV_VARS.join(", ")} (unset or empty), ${files}.`,
    lookup.files.length === 0
      ? "Set QWEN_API_KEY, pass apiKey, or (for a daemon) pass envFiles: defaultEnvFiles() to read ~/.openclaw/.env."
      : "Set QWEN_API_KEY in one of those env files or in the environment, or pass apiKey.",
  );
}

/**
 * Finds the API key: the explicit `apiKey`, then the config's key, then `QWEN_API_KEY`, `MODELSTUDIO_API_KEY` and
 * `DASHSCOPE_API_KEY` in `env`, then the same variables in each of `envFiles` in order. Values
 * are trimmed and blank values skipped.
 *
 * @returns the key and where it came from, or `undefined` when there is none.
 * @throws {@link QwenConfigError} `invalid-option` for options of the wrong type, an unreadable
 * env file, or a key holding spaces or control characters.
 */
export function findApiKey(lookup?: ApiKeyLookup): ResolvedApiKey | undefined {
  return lookUpApiKey(lookup).found;
}

/**
 * Like {@link findApiKey}, but a missing key is an error.
 *
 * @throws {@link QwenConfigError} `missing-api-key`, naming every variable and env file tried.
 */
export function resolveApiKey(lookup?: ApiKeyLookup): ResolvedApiKey {
  const result = lookUpApiKey(lookup);
  if (result.found) return result.found;
  throw missingApiKeyError(result);
}

/**
 * A short, key-free description of a key's source: `the apiKey option`,
 * `config models.providers.qwen.apiKey`, `env QWEN_API_KEY`, or
 * `~/.openclaw/.env (QWEN_API_KEY)` (the path as it was given).
 */
export function describeKeySource(source: KeySource): string {
  switch (source.kind) {
    case "option":
      return "the apiKey option";
    case "config":
      return `config ${source.path}`;
    case "env":
      return `env ${source.variable}`;
    case "env-file":
      return `${source.path} (${source.variable})`;
  }
}
