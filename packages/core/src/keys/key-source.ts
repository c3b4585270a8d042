import type { VariableOrigin, VariableRef } from "../env-variables.js";
import type { ResolvedApiKey } from "./config-api-key.js";

/** The SecretRef a config key came from, as `source:provider:id` and where it was read (never the value). */
export type SecretRefOrigin =
  | {
      readonly source: "env";
      readonly provider: string;
      readonly id: string;
      /** Where the variable `id` was found. */
      readonly origin: VariableOrigin;
    }
  | {
      readonly source: "file";
      readonly provider: string;
      /** `value` for a single-value file, else the JSON pointer into the file. */
      readonly id: string;
      /** The file's path as the config writes it (`secrets.providers.<provider>.path`). */
      readonly file: string;
    };

/** How a config key was written when it was not the key itself: the variables or the SecretRef it named. */
export type ConfigKeyReference =
  | { readonly kind: "variables"; readonly variables: readonly VariableRef[] }
  | { readonly kind: "secret-ref"; readonly ref: SecretRefOrigin };

/** Where a key came from (never the key itself). */
export type KeySource =
  | { readonly kind: "option" }
  | {
      readonly kind: "config";
      /** The config path of the key, e.g. `config.models.providers.qwen.apiKey`. */
      readonly path: string;
      /** The variables or SecretRef it named; absent when the config holds the key itself. */
      readonly via?: ConfigKeyReference;
    }
  | { readonly kind: "env"; readonly variable: string }
  | { readonly kind: "env-file"; readonly variable: string; readonly path: string }
  /** A key variable set in the config's env block; `path` is `config.env.vars.<NAME>` or `config.env.<NAME>`. */
  | { readonly kind: "config-env"; readonly variable: string; readonly path: string };

/** The key source of a key variable found in an environment layer. */
export function keySourceOfVariable(variable: VariableRef): KeySource {
  const { name, origin } = variable;
  switch (origin.kind) {
    case "env":
      return { kind: "env", variable: name };
    case "env-file":
      return { kind: "env-file", variable: name, path: origin.path };
    case "config":
      return { kind: "config-env", variable: name, path: origin.path };
  }
}

function describeReference(via: ConfigKeyReference): string {
  if (via.kind === "variables") {
    return via.variables.map((variable) => describeKeySource(keySourceOfVariable(variable))).join(" + ");
  }
  const { ref } = via;
  const label = `SecretRef ${ref.source}:${ref.provider}:${ref.id}`;
  return ref.source === "file"
    ? `${label} from ${ref.file}`
    : `${label} from ${describeKeySource(keySourceOfVariable({ name: ref.id, origin: ref.origin }))}`;
}

/**
 * A short, key-free description of a key's source: `the apiKey option`,
 * `config config.models.providers.qwen.apiKey`, `env QWEN_API_KEY`,
 * `~/.openclaw/.env (QWEN_API_KEY)` (the path as it was given), `config config.env.vars.QWEN_API_KEY`;
 * a config key that named variables or a SecretRef says so:
 * `config config.models.providers.qwen.apiKey via env QWEN_KEY`,
 * `… via SecretRef file:keys:/qwen/apiKey from /run/secrets/keys.json`.
 */
export function describeKeySource(source: KeySource): string {
  switch (source.kind) {
    case "option":
      return "the apiKey option";
    case "config":
      return source.via === undefined
        ? `config ${source.path}`
        : `config ${source.path} via ${describeReference(source.via)}`;
    case "env":
      return `env ${source.variable}`;
    case "env-file":
      return `${source.path} (${source.variable})`;
    case "config-env":
      return `config ${source.path}`;
  }
}

/** A found key for warnings: its source and its masked form, e.g. `env QWEN_API_KEY (sk-…a1b2)`. */
export function describeResolvedKey(key: ResolvedApiKey): string {
  return `${describeKeySource(key.source)} (${key.apiKey.masked})`;
}
