import { maskApiKey } from "@qwenkit/core";

// Anything shaped like a Model Studio / OpenAI secret key, e.g. echoed back in an error message.
const KEY_LIKE = /\bsk-[A-Za-z0-9._-]{8,}/g;

/** Replaces the given secrets, and anything that looks like an `sk-` key, with their masked form. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(maskApiKey(secret));
  }
  return out.replace(KEY_LIKE, (key) => maskApiKey(key));
}

// Error fields kept on a redacted copy besides name, message, stack and cause: they say what failed.
const KEPT_FIELDS = ["code", "errno", "syscall"] as const;

/**
 * `error` with the secrets masked in its message, stack, string fields and whole `cause` chain, so
 * an error a lower layer (a proxy, a custom `fetch`) wrote with the key in it can be kept as a
 * cause. Returned as it is when nothing needed masking; otherwise a plain `Error` copy keeps the
 * name, the masked text, `code` / `errno` / `syscall`, and the redacted cause.
 */
export function redactError(error: Error, secrets: readonly string[] = [], depth = 0): Error {
  const cause =
    error.cause instanceof Error && depth < 8 ? redactError(error.cause, secrets, depth + 1) : error.cause;
  const clean = (text: string) => redactSecrets(text, secrets) === text;
  const fields = Object.values(error).filter((value): value is string => typeof value === "string");
  if (cause === error.cause && [error.message, error.stack ?? "", ...fields].every(clean)) return error;
  const copy = new Error(redactSecrets(error.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactSecrets(error.stack, secrets);
  for (const field of KEPT_FIELDS) {
    const value: unknown = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === "number" || (typeof value === "string" && clean(value))) {
      Object.defineProperty(copy, field, { value, enumerable: true });
    }
  }
  return copy;
}
