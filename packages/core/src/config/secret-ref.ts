import { expandHome } from "../env-file.js";
import type { Environment } from "../env-variables.js";
import { QwenConfigError, quoteInput } from "../errors.js";
import type { SecretRefOrigin } from "../keys/key-source.js";
import type { FileSystem } from "../node/file-system.js";
import { readTextFile, requireFileSystem, withoutByteOrderMark } from "../node/read-text-file.js";
import { isRecord, optionalRecord, optionalString } from "../validate.js";
import { requiredVariable, substitute } from "./substitute.js";

/** What resolving a SecretRef needs: the variables, the config's `secrets` block and a file system. */
export interface SecretRefContext {
  readonly environment: Environment;
  /** `config.secrets` (providers and defaults), if any. */
  readonly secrets: Readonly<Record<string, unknown>> | undefined;
  readonly fileSystem: FileSystem | undefined;
}

/** A resolved SecretRef: the secret, and which ref it came from. */
export interface ResolvedSecret {
  readonly value: string;
  readonly ref: SecretRefOrigin;
}

/** OpenClaw's `secrets.providers.<name>` for `file`: `mode: "json"` (the default) or `"singleValue"`. */
const FILE_MODES = ["json", "singleValue"] as const;
/** The id a `singleValue` file provider expects. */
const SINGLE_VALUE_ID = "value";
/** OpenClaw's default `maxBytes` of a file provider, in bytes (1 MiB). */
export const SECRET_FILE_MAX_BYTES = 1024 * 1024;
/** The provider alias a ref without one uses when `secrets.defaults.<source>` is unset. */
const DEFAULT_PROVIDER = "default";
// OpenClaw's grammar for provider aliases and env ref ids (lower-case names accepted too).
const PROVIDER_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const ENV_ID = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

type Resolver = (ref: SecretRefFields, path: string, context: SecretRefContext) => ResolvedSecret;

interface SecretRefFields {
  readonly source: string;
  readonly provider: string;
  readonly id: string;
}

/** The SecretRef sources qwenkit resolves, by `source`. Every other source is refused, by name. */
const SECRET_SOURCES: Readonly<Record<string, Resolver>> = {
  env: resolveEnvRef,
  file: resolveFileRef,
};

function invalid(message: string, hint: string): QwenConfigError {
  return new QwenConfigError("invalid-option", message, hint);
}

function providers(context: SecretRefContext): Readonly<Record<string, unknown>> | undefined {
  return optionalRecord(context.secrets?.providers, "config.secrets.providers");
}

function providerFor(source: string, written: unknown, path: string, context: SecretRefContext): string {
  const explicit = optionalString(written, `${path}.provider`)?.trim();
  const defaults = optionalRecord(context.secrets?.defaults, "config.secrets.defaults");
  const fallback = optionalString(defaults?.[source], `config.secrets.defaults.${source}`)?.trim();
  const provider = explicit || fallback || DEFAULT_PROVIDER;
  if (!PROVIDER_NAME.test(provider)) {
    throw invalid(
      `${path} names a secrets provider that is not a provider alias (lower-case letters, digits, _ and -).`,
      `Fix ${path}.provider, or leave it out for "${DEFAULT_PROVIDER}".`,
    );
  }
  return provider;
}

function resolveEnvRef(ref: SecretRefFields, path: string, context: SecretRefContext): ResolvedSecret {
  if (!ENV_ID.test(ref.id)) {
    throw invalid(
      `${path}.id must be an environment variable name.`,
      `Write ${path}.id as e.g. "QWEN_API_KEY".`,
    );
  }
  const entryPath = `config.secrets.providers.${ref.provider}`;
  const entry = providers(context)?.[ref.provider];
  // An env ref needs no provider entry; one that exists must be an env provider, and its
  // allowlist (OpenClaw's) applies.
  if (entry !== undefined) {
    const configured = optionalRecord(entry, entryPath);
    if (configured?.source !== "env") {
      throw invalid(
        `${path} asks the secrets provider "${ref.provider}" for an env variable, but ${entryPath} is not an env provider.`,
        `Point ${path}.provider at an env provider, or leave it out.`,
      );
    }
    const allowlist = configured.allowlist;
    if (Array.isArray(allowlist) && !allowlist.includes(ref.id)) {
      throw invalid(
        `${path} names ${ref.id}, which ${entryPath}.allowlist does not allow.`,
        `Add ${ref.id} to ${entryPath}.allowlist, or use a variable it allows.`,
      );
    }
  }
  const found = requiredVariable(ref.id, path, context.environment);
  return {
    value: found.value,
    ref: { source: "env", provider: ref.provider, id: ref.id, origin: found.origin },
  };
}

function fileProvider(ref: SecretRefFields, path: string, context: SecretRefContext) {
  const entryPath = `config.secrets.providers.${ref.provider}`;
  const entry = optionalRecord(providers(context)?.[ref.provider], entryPath);
  if (entry?.source !== "file") {
    throw invalid(
      `${path} is a file SecretRef of the secrets provider "${ref.provider}", but ${entryPath} ${entry === undefined ? "is not configured" : "is not a file provider"}.`,
      `Add ${entryPath}: { source: "file", path: "/absolute/path.json" }; the ref's id is a JSON pointer into that file (or "value" with mode "singleValue").`,
    );
  }
  const written = optionalString(entry.path, `${entryPath}.path`);
  if (written === undefined || written.trim() === "") {
    throw invalid(`${entryPath}.path is missing.`, `Give ${entryPath}.path the absolute path of the file.`);
  }
  const mode = optionalString(entry.mode, `${entryPath}.mode`) ?? "json";
  if (!(FILE_MODES as readonly string[]).includes(mode)) {
    throw invalid(
      `${entryPath}.mode must be ${FILE_MODES.map((m) => `"${m}"`).join(" or ")}.`,
      `Fix ${entryPath}.mode.`,
    );
  }
  const maxBytes = entry.maxBytes ?? SECRET_FILE_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || (maxBytes as number) <= 0) {
    throw invalid(
      `${entryPath}.maxBytes must be a positive whole number.`,
      `Fix ${entryPath}.maxBytes or leave it out.`,
    );
  }
  return { entryPath, written: written.trim(), mode, maxBytes: maxBytes as number };
}

function decodePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function atPointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of pointer.slice(1).split("/").map(decodePointerToken)) {
    if (Array.isArray(current)) {
      current = /^(?:0|[1-9]\d*)$/.test(token) ? current[Number(token)] : undefined;
    } else if (isRecord(current) && Object.hasOwn(current, token)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

function resolveFileRef(ref: SecretRefFields, path: string, context: SecretRefContext): ResolvedSecret {
  const provider = fileProvider(ref, path, context);
  const { entryPath, written, mode } = provider;
  const singleValue = mode === "singleValue";
  if (singleValue ? ref.id !== SINGLE_VALUE_ID : !ref.id.startsWith("/")) {
    throw invalid(
      `${path}.id must be ${singleValue ? `"${SINGLE_VALUE_ID}" for a singleValue file provider` : 'a JSON pointer such as "/providers/qwen/apiKey"'}.`,
      `Fix ${path}.id.`,
    );
  }
  const files = requireFileSystem("secret file", written, context.fileSystem);
  const substituted = substitute(written, `${entryPath}.path`, context.environment).value;
  const filePath = expandHome(substituted, files.homeDirectory());
  if (!ABSOLUTE_PATH.test(filePath)) {
    throw invalid(
      `${entryPath}.path must be an absolute path.`,
      `Write ${entryPath}.path as e.g. "/run/secrets/qwen.json".`,
    );
  }
  const raw = readTextFile(
    { role: "secret file", path: filePath, shownAs: written, maxBytes: provider.maxBytes },
    files,
  );
  if (raw === undefined) {
    throw invalid(
      `The secret file of ${entryPath} (${quoteInput(written)}) does not exist.`,
      `Create it, or fix ${entryPath}.path.`,
    );
  }
  const text = withoutByteOrderMark(raw);
  const origin: SecretRefOrigin = { source: "file", provider: ref.provider, id: ref.id, file: written };
  if (singleValue) return { value: text.trim(), ref: origin };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text near the error, and the text is a secret: no cause on purpose.
    throw invalid(
      `The secret file of ${entryPath} is not valid JSON.`,
      `Fix the file, or set ${entryPath}.mode to "singleValue".`,
    );
  }
  const value = isRecord(parsed) ? atPointer(parsed, ref.id) : undefined;
  if (typeof value !== "string") {
    throw invalid(
      `The secret file of ${entryPath} has no string at ${quoteInput(ref.id)}.`,
      `Fix ${path}.id, or put the key at that place in the file.`,
    );
  }
  return { value, ref: origin };
}

/**
 * Resolves an OpenClaw SecretRef `{ source, provider, id }`:
 *
 * - `source: "env"` reads the variable `id` (from the env option, env files, then the config's
 *   env block). `provider` may be left out; a provider configured under `secrets.providers` must
 *   be an env provider, and its `allowlist` applies.
 * - `source: "file"` reads the file of `secrets.providers.<provider>` (`source: "file"`,
 *   an absolute `path`, `mode: "json"` with `id` a JSON pointer, or `mode: "singleValue"` with
 *   `id: "value"`); regular files only, at most `maxBytes` (default 1 MiB), the value trimmed.
 * - any other source (`exec`, plugin sources) is an `unsupported-secret-source` error: qwenkit
 *   never runs commands.
 *
 * Other fields of the ref are ignored. Errors name the ref and paths, never the secret.
 *
 * @param path - where the ref is in the config, e.g. `config.models.providers.qwen.apiKey`
 */
export function resolveSecretRef(
  ref: Readonly<Record<string, unknown>>,
  path: string,
  context: SecretRefContext,
): ResolvedSecret {
  const source = typeof ref.source === "string" ? ref.source.trim() : "";
  const id = typeof ref.id === "string" ? ref.id.trim() : "";
  if (source === "" || id === "") {
    throw invalid(
      `${path} must be a string or a SecretRef { source, provider, id } with a source and an id.`,
      `Write ${path} as e.g. { "source": "env", "provider": "default", "id": "QWEN_API_KEY" }.`,
    );
  }
  const resolver = Object.hasOwn(SECRET_SOURCES, source) ? SECRET_SOURCES[source] : undefined;
  if (resolver === undefined) {
    throw new QwenConfigError(
      "unsupported-secret-source",
      `${path} is a SecretRef with the unsupported secret source ${quoteInput(source)}; qwenkit reads ${Object.keys(SECRET_SOURCES).join(" and ")} refs only (it never runs commands).`,
      "Resolve the secret before passing the config, or use an env or file SecretRef.",
    );
  }
  return resolver({ source, provider: providerFor(source, ref.provider, path, context), id }, path, context);
}
