import { ApiKey } from "../api-key.js";
import { resolveSecretRef, type SecretRefContext } from "../config/secret-ref.js";
import { requiredVariable, substitute } from "../config/substitute.js";
import { QwenConfigError } from "../errors.js";
import { isRecord } from "../validate.js";
import type { ConfigKeyReference, KeySource } from "./key-source.js";

/** A key and where it came from (never the key itself). */
export interface ResolvedApiKey {
  readonly apiKey: ApiKey;
  readonly source: KeySource;
}

/**
 * Strings that name the variable holding the key instead of being the key, as OpenClaw reads an
 * `apiKey`: its `$NAME` shorthand, its legacy `secretref-env:NAME` marker, and the bare name of a
 * variable. A bare name must look like one (upper-case words joined by `_`, such as
 * `QWEN_API_KEY`), which no Model Studio key does: those are lower-case `sk-…` tokens.
 * (`${NAME}` is ordinary substitution.)
 */
const VARIABLE_NAME_FORMS: readonly RegExp[] = [
  /^\$([A-Z][A-Z0-9_]{0,127})$/,
  /^secretref-env:([A-Z][A-Z0-9_]{0,127})$/,
  /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/,
];

function namedVariable(text: string): string | undefined {
  for (const form of VARIABLE_NAME_FORMS) {
    const name = form.exec(text)?.[1];
    if (name !== undefined && name.length <= 128) return name;
  }
  return undefined;
}

function keyAt(value: string, path: string, via: ConfigKeyReference | undefined): ResolvedApiKey {
  const source: KeySource = via === undefined ? { kind: "config", path } : { kind: "config", path, via };
  try {
    return { apiKey: new ApiKey(value), source };
  } catch (error) {
    if (!(error instanceof QwenConfigError)) throw error;
    // ApiKey's messages never show the key.
    throw new QwenConfigError(error.kind, `${path}: ${error.message}`, error.hint);
  }
}

/**
 * Reads a config `apiKey` in every form OpenClaw writes one:
 *
 * | written | read from |
 * | --- | --- |
 * | `"sk-…"` | the value itself |
 * | `"${QWEN_KEY}"` (anywhere in the string) | the variable, substituted |
 * | `"QWEN_KEY"`, `"$QWEN_KEY"`, `"secretref-env:QWEN_KEY"` | the variable |
 * | `{ source: "env", provider?, id: "QWEN_KEY" }` | the variable |
 * | `{ source: "file", provider, id }` | the file of `secrets.providers.<provider>` |
 *
 * Variables come from the env option, then env files, then the config's env block.
 *
 * @returns the key and its source, or `undefined` for a missing or blank value.
 * @throws {@link QwenConfigError} `missing-env-var` when a named variable is unset,
 * `unsupported-secret-source` for exec and plugin refs, `invalid-option` for a malformed value,
 * ref or key. Never with the key in it.
 */
export function readConfigApiKey(
  value: unknown,
  path: string,
  context: SecretRefContext,
): ResolvedApiKey | undefined {
  if (value === undefined || value === null) return undefined;
  if (isRecord(value)) {
    const secret = resolveSecretRef(value, path, context);
    return keyAt(secret.value, path, { kind: "secret-ref", ref: secret.ref });
  }
  if (typeof value !== "string") {
    throw new QwenConfigError(
      "invalid-option",
      `${path} must be a string or a SecretRef { source, provider, id }.`,
      `Fix ${path} or leave it out.`,
    );
  }
  const text = value.trim();
  if (text === "") return undefined;
  const name = namedVariable(text);
  if (name !== undefined) {
    const found = requiredVariable(name, path, context.environment);
    return keyAt(found.value, path, { kind: "variables", variables: [{ name, origin: found.origin }] });
  }
  const substituted = substitute(text, path, context.environment);
  if (substituted.variables.length === 0) return keyAt(substituted.value, path, undefined);
  return keyAt(substituted.value, path, { kind: "variables", variables: substituted.variables });
}
