import { redactSecrets } from "./redact.js";

/**
 * What went wrong, as a stable machine-readable kind. Switch on this, not on the message.
 *
 * - `unknown-provider-id`: the provider id is neither `qwen` nor one of its aliases.
 * - `unknown-auth-choice`: the auth choice id is not known; the message lists the valid ids.
 * - `invalid-base-url`: the base URL is malformed, not http(s), or carries a username/password.
 * - `insecure-base-url`: plain `http://` to a non-loopback host without `allowInsecureHttp`.
 * - `missing-api-key`: no key anywhere; the message lists every variable and env file tried.
 * - `invalid-model-ref`: empty, whitespace, `qwen/` with no id, or an id with whitespace.
 * - `foreign-model-ref`: the ref names another provider (`openai/gpt-5`).
 * - `invalid-option`: an option or config value has the wrong type or shape.
 * - `missing-env-var`: a config value names an environment variable (`${VAR}`, a variable name
 *   as the key, an env SecretRef) that is unset or blank; the message names the variable.
 * - `unsupported-secret-source`: a config SecretRef (or `${pass:…}`) needs a source qwenkit does
 *   not resolve, such as `exec`; qwenkit never runs commands.
 */
export type QwenConfigErrorKind =
  | "unknown-provider-id"
  | "unknown-auth-choice"
  | "invalid-base-url"
  | "insecure-base-url"
  | "missing-api-key"
  | "invalid-model-ref"
  | "foreign-model-ref"
  | "invalid-option"
  | "missing-env-var"
  | "unsupported-secret-source";

/**
 * The only error `@qwenkit/core` throws. It never carries an API key: not in `message`, `hint`,
 * `stack` or `cause` (a masked form such as `sk-…a1b2` at most).
 */
export class QwenConfigError extends Error {
  override readonly name = "QwenConfigError" as const;
  /** Stable kind of the failure. */
  readonly kind: QwenConfigErrorKind;
  /** One actionable line telling the user what to do. */
  readonly hint: string;

  /**
   * @param kind - stable kind of the failure
   * @param message - what went wrong (must not contain a key)
   * @param hint - one actionable line (must not contain a key)
   * @param options - `cause`, when the failure wraps another error that holds no key
   */
  constructor(
    kind: QwenConfigErrorKind,
    message: string,
    hint: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.hint = hint;
  }
}

const MAX_QUOTED_LENGTH = 80;

/**
 * Quotes user input for an error message. Input may hold a secret by mistake (a key pasted as the
 * base URL, credentials in a URL), so key-shaped tokens (the one rule of `redactSecrets`) and URL
 * userinfo are masked and long input is cut short.
 */
export function quoteInput(input: string): string {
  const masked = redactSecrets(input.replace(/\/\/[^/@\s]*@/g, "//…@"));
  const short = masked.length > MAX_QUOTED_LENGTH ? `${masked.slice(0, MAX_QUOTED_LENGTH)}…` : masked;
  return JSON.stringify(short);
}
