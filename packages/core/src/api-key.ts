import { KEY_KINDS, type KeyKind, planFromKey } from "./api-key-kinds.js";
import { QwenConfigError } from "./errors.js";

// Show the last four characters only when at least twelve stay hidden.
const MIN_HIDDEN_FOR_TAIL = 12;
const TAIL = 4;
// Printable ASCII without space: anything else cannot travel in an Authorization header.
const KEY_CHARS = /^[\x21-\x7e]+$/;

/**
 * A masked form of a key for messages: its kind's prefix (`sk-sp-` or `sk-`), an ellipsis and the last
 * four characters, e.g. `sk-…a1b2`. A key too short to hide at least twelve characters is shown
 * as `…` only.
 */
export function maskApiKey(key: string): string {
  if (typeof key !== "string") return "…";
  const trimmed = key.trim();
  const kind = planFromKey(trimmed);
  const prefix = kind === undefined ? "" : KEY_KINDS[kind].prefix;
  if (trimmed.length - prefix.length - TAIL < MIN_HIDDEN_FOR_TAIL) return "…";
  return `${prefix}…${trimmed.slice(-TAIL)}`;
}

/**
 * Holds an API key so it cannot leak: `toString`, `toJSON`, template literals and `util.inspect`
 * give the masked form, and the key lives in a private field that no serializer sees. Read it
 * with {@link ApiKey.reveal} only where it is sent (the `Authorization` header).
 */
export class ApiKey {
  readonly #value: string;
  /** The masked form: the prefix, an ellipsis and the last four characters. */
  readonly masked: string;
  /** The kind of key its prefix shows (`standard` or `subscription`), if any. */
  readonly kind: KeyKind | undefined;

  /**
   * @param value - the key; surrounding whitespace is trimmed
   * @throws {@link QwenConfigError} `invalid-option` when the key is not a string, is empty, or
   * holds spaces or control characters (the message never shows the key).
   */
  constructor(value: string) {
    if (typeof value !== "string") {
      throw new QwenConfigError(
        "invalid-option",
        "The API key must be a string.",
        "Pass the key as a string.",
      );
    }
    const trimmed = value.trim();
    if (trimmed === "") {
      throw new QwenConfigError(
        "invalid-option",
        "The API key is empty.",
        "Pass a non-empty Model Studio API key.",
      );
    }
    if (!KEY_CHARS.test(trimmed)) {
      throw new QwenConfigError(
        "invalid-option",
        "The API key contains spaces, control characters or non-ASCII characters.",
        "Copy the key again from the Model Studio console; it is a single token like sk-….",
      );
    }
    this.#value = trimmed;
    this.masked = maskApiKey(trimmed);
    this.kind = planFromKey(trimmed);
  }

  /** The raw key. The only way to read it; use it for the `Authorization` header and nothing else. */
  reveal(): string {
    return this.#value;
  }

  /** The masked form. */
  toString(): string {
    return this.masked;
  }

  /** The masked form, so `JSON.stringify` never sees the key. */
  toJSON(): string {
    return this.masked;
  }

  /** The masked form for `util.inspect` / `console.log`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ApiKey(${this.masked})`;
  }
}
