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
