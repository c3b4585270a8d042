import { isHighSurrogate, redactSecrets } from "@qwenkit/core/internal";
import { LIMITS } from "../limits.js";

/**
 * A string taken from the wire, made fit to keep: secrets and anything key-shaped masked, and cut
 * to `max` characters (with `…`) so a hostile server cannot grow an error or a result.
 */
export function wireText(value: string, secrets: readonly string[] | undefined, max: number): string {
  // Masked before it is cut, so a cut never leaves the start of a secret behind.
  const masked = redactSecrets(value, secrets);
  if (masked.length <= max) return masked;
  const end = isHighSurrogate(masked.charCodeAt(max - 1)) ? max - 1 : max;
  return `${masked.slice(0, end)}…`;
}

/**
 * How results mask what the server echoes: the given secrets wherever they appear, and anything
 * key-shaped in the strings that name things (ids, model, tool names). Model output (text,
 * reasoning, tool arguments) loses only the exact secrets: a `sk-` example in an answer stays.
 */
export interface WireMasking {
  readonly secrets?: readonly string[];
}

/** `text` with the given secrets masked and nothing else changed (for model output). */
export function maskEchoedSecrets(text: string, secrets: readonly string[] | undefined): string {
  return secrets?.some((secret) => secret.length > 0 && text.includes(secret))
    ? redactSecrets(text, secrets, { keyShaped: false })
    : text;
}

/** {@link wireText} for a short field: a code, type, param, request id, chunk id or model. */
export const wireField = (value: string | undefined, secrets?: readonly string[]): string | undefined =>
  value === undefined ? undefined : wireText(value, secrets, LIMITS.wireFieldLength);

/** {@link wireText} for a message. */
export const wireMessage = (value: string | undefined, secrets?: readonly string[]): string | undefined =>
  value === undefined ? undefined : wireText(value, secrets, LIMITS.wireMessageLength);

/**
 * {@link wireText} for a header value, which must stay a byte string: the masked form's `…` is
 * written `...`, and any other character above U+00FF `?`.
 */
export const wireHeaderValue = (value: string, secrets?: readonly string[]): string =>
  wireText(value, secrets, LIMITS.wireMessageLength)
    .replaceAll("…", "...")
    .replace(/[^\t\x20-\xff]/g, "?");

/** Response headers with every value masked (a server may echo the key in one). */
export function wireHeaders(headers: Headers | undefined, secrets?: readonly string[]): Headers | undefined {
  if (headers === undefined) return undefined;
  const out = new Headers();
  for (const [name, value] of headers) out.append(name, wireHeaderValue(value, secrets));
  return out;
}
