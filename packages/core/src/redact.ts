import { maskApiKey } from "./api-key.js";
import { KEY_KINDS } from "./api-key-kinds.js";
import { QwenConfigError } from "./errors.js";

/**
 * Redaction for the whole monorepo: the one "looks like a key" rule and the one way to mask
 * secrets in text, in values and in errors (with their whole cause graph). The provider masks what
 * servers send and what custom `fetch`es throw with it, the mock its request records.
 */

// Every Model Studio key starts with the Pay-as-you-go prefix (`sk-`; subscription keys with `sk-sp-`).
const KEY_PREFIX = KEY_KINDS.standard.prefix;

/**
 * Anything shaped like a Model Studio or OpenAI secret key: `sk-` at a word start, then at least
 * eight key characters. A masked key (`sk-…a1b2`) does not match, so masking is idempotent.
 */
const KEY_LIKE = new RegExp(`\\b${KEY_PREFIX}[A-Za-z0-9._-]{8,}`, "gi");

/** Whether `text` holds something shaped like a secret key (see {@link redactSecrets}). */
export function looksLikeKey(text: string): boolean {
  KEY_LIKE.lastIndex = 0;
  return KEY_LIKE.test(text);
}

// A secret this short would mask ordinary words; keys are far longer.
const MIN_SECRET_LENGTH = 8;

/** Options of {@link redactSecrets}. */
export interface RedactOptions {
  /**
   * Also mask anything that {@link looksLikeKey} (default `true`). Off for text that may quote a
   * key-shaped example on purpose, such as a model's answer: only the given secrets are masked.
   */
  readonly keyShaped?: boolean;
}

/**
 * `text` with every given secret (also in its JSON-escaped and URL-encoded spellings) and anything
 * that {@link looksLikeKey} replaced by its masked form (`sk-…a1b2`).
 */
export function redactSecrets(
  text: string,
  secrets: readonly string[] = [],
  options: RedactOptions = {},
): string {
  // Shorter than any secret masked and any key-shaped token: nothing can be in it. (The provider
  // passes each short field it reads from the wire through here, a few per request.)
  if (text.length < MIN_SECRET_LENGTH) return text;
  let out = text;
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH || secret.length > out.length)
      continue;
    let masked: string | undefined;
    for (const spelling of spellings(secret)) {
      if (!out.includes(spelling)) continue;
      masked ??= maskApiKey(secret);
      out = out.split(spelling).join(masked);
    }
  }
  if (options.keyShaped === false) return out;
  return out.includes(KEY_PREFIX) || out.includes(KEY_PREFIX.toUpperCase())
    ? out.replace(KEY_LIKE, (key) => maskApiKey(key))
    : out;
}

/** Characters that JSON and URL encoding both leave as they are: a key made of them has one spelling. */
const PLAIN = /^[A-Za-z0-9._~-]*$/;

/** A secret as text may spell it: as it is, JSON-escaped and URL-encoded (usually all the same). */
function spellings(secret: string): readonly string[] {
  // Every key Model Studio issues is plain; this runs for a few wire fields of every response.
  if (PLAIN.test(secret)) return [secret];
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  return json === secret && url === secret ? [secret] : [...new Set([secret, json, url])];
}

/**
 * A credential header value masked whole, keeping its scheme: `Bearer sk-…a1b2`, `Basic …`.
 * For values that are secret by where they sit (an `Authorization` header), not by their shape.
 */
export function maskCredential(value: string): string {
  const match = /^(\s*\S+\s+)(\S+)\s*$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) return maskApiKey(value);
  return `${match[1]}${maskApiKey(match[2])}`;
}

/** Property names whose values are credentials whatever they look like (headers, configs, auth objects). */
const CREDENTIAL_NAME =
  /^(?:authorization|proxy-authorization|x-api-key|api[-_]?key|x-dashscope-token|cookie|set-cookie|password|passwd|secret|client[-_]?secret|(?:access|refresh|bearer|auth)[-_]?token|token)$/i;

/** Bounds on one walk, so a huge or hostile graph costs little. */
const WALK_LIMITS = { depth: 8, nodes: 2_000, entries: 100 } as const;

const BUILTIN_ERRORS: readonly object[] = [
  AggregateError.prototype,
  EvalError.prototype,
  RangeError.prototype,
  ReferenceError.prototype,
  SyntaxError.prototype,
  TypeError.prototype,
  URIError.prototype,
  Error.prototype,
];

/** Whether a redacted copy may keep `proto`: plain errors and core's own error, whose methods read only their own fields. */
const keepsPrototype = (proto: unknown): boolean =>
  proto === QwenConfigError.prototype || BUILTIN_ERRORS.includes(proto as object);

/**
 * Walks a value and builds a copy that is safe to print: strings redacted, credential-named fields
 * masked, exotic objects (headers, maps, buffers, URLs, class instances) turned into plain data,
 * errors copied with their message, stack, fields, `cause` and `errors`. Cycles, depth and size
 * are bounded. `changed` says whether the copy differs from the original.
 */
class Redactor {
  changed = false;
  #nodes = 0;
  readonly #seen = new Map<object, unknown>();
  readonly #secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  value(value: unknown, depth: number, name?: string): unknown {
    if (typeof value === "string") {
      const out =
        name !== undefined && CREDENTIAL_NAME.test(name)
          ? maskCredential(value)
          : redactSecrets(value, this.#secrets);
      if (out !== value) this.changed = true;
      return out;
    }
    if (typeof value === "function") return this.#exotic(`[Function ${value.name || "anonymous"}]`);
    if (typeof value !== "object" || value === null) return value;
    if (this.#seen.has(value)) return this.#seen.get(value) ?? "[Circular]";
    this.#nodes += 1;
    if (depth > WALK_LIMITS.depth || this.#nodes > WALK_LIMITS.nodes) return this.#exotic("[…]");
    if (name !== undefined && CREDENTIAL_NAME.test(name)) return this.#exotic("[redacted]");
    try {
      return this.#object(value, depth);
    } catch {
      return this.#exotic("[unreadable]");
    }
  }

  #exotic<T>(replacement: T): T {
    this.changed = true;
    return replacement;
  }

  #object(value: object, depth: number): unknown {
    if (value instanceof Error) return this.#error(value, depth);
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      this.#seen.set(value, copy);
      for (const item of value.slice(0, WALK_LIMITS.entries)) copy.push(this.value(item, depth + 1));
      if (value.length > WALK_LIMITS.entries)
        copy.push(this.#exotic(`… ${value.length - WALK_LIMITS.entries} more`));
      return copy;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
      return this.#exotic(`[${value.byteLength} bytes]`);
    if (value instanceof URL) return this.#exotic(redactSecrets(withoutUserinfo(value), this.#secrets));
    if (value instanceof Date || value instanceof RegExp) return value;
    const proto = Object.getPrototypeOf(value);
    const entries: [string, unknown][] =
      typeof Headers !== "undefined" && value instanceof Headers
        ? [...value.entries()]
        : value instanceof Map
          ? [...value.entries()].map(([key, entry]) => [String(key), entry])
          : value instanceof Set
            ? [...value.values()].map((entry, index) => [String(index), entry])
            : dataProperties(value, false).map(([key, entry]): [string, unknown] => [key, entry]);
    if (proto !== Object.prototype && proto !== null) this.changed = true;
    const copy: Record<string, unknown> = {};
    this.#seen.set(value, copy);
    for (const [key, entry] of entries.slice(0, WALK_LIMITS.entries))
      copy[key] = this.value(entry, depth + 1, key);
    if (entries.length > WALK_LIMITS.entries)
      copy["…"] = this.#exotic(`${entries.length - WALK_LIMITS.entries} more`);
    return copy;
  }

  #error(error: Error, depth: number): Error {
    const kept = keepsPrototype(Object.getPrototypeOf(error));
    const proto = kept
      ? Object.getPrototypeOf(error)
      : BUILTIN_ERRORS.find((candidate) => Object.prototype.isPrototypeOf.call(candidate, error));
    if (!kept) this.changed = true;
    const copy = Object.create(proto ?? Error.prototype) as Error;
    this.#seen.set(error, copy);
    if (!kept) {
      Object.defineProperty(copy, "name", { value: String(error.name), writable: true, configurable: true });
    }
    // V8's `stack` is an accessor; inspect prints it, so it is read and kept (redacted) as data.
    const stack = readStack(error);
    if (stack !== undefined) {
      Object.defineProperty(copy, "stack", {
        value: this.value(stack, depth + 1),
        writable: true,
        configurable: true,
      });
    }
    for (const [key, entry, enumerable] of dataProperties(error, true)) {
      if (key === "stack") continue;
      Object.defineProperty(copy, key, {
        value: this.value(entry, depth + 1, key),
        enumerable,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
}

/**
 * The own data properties of `value` with string keys (accessors are not called). With `hidden`,
 * non-enumerable ones too (an error's `message`, `cause`, `errors`), with their enumerability.
 */
function dataProperties(value: object, hidden: boolean): [string, unknown, boolean][] {
  const out: [string, unknown, boolean][] = [];
  const names = hidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  for (const key of names.slice(0, WALK_LIMITS.entries)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor !== undefined && "value" in descriptor)
      out.push([key, descriptor.value, descriptor.enumerable ?? false]);
  }
  return out;
}

function readStack(error: Error): string | undefined {
  try {
    return typeof error.stack === "string" ? error.stack : undefined;
  } catch {
    return undefined;
  }
}

function withoutUserinfo(url: URL): string {
  if (url.username === "" && url.password === "") return url.href;
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  return copy.href;
}

/**
 * A copy of `value` that is safe to print, log or serialize: see {@link redactError}. Returns
 * `value` itself when nothing in it needed masking or converting.
 */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  const redactor = new Redactor(secrets);
  const copy = redactor.value(value, 0);
  return redactor.changed ? copy : value;
}

/**
 * `error` with its whole graph made safe for `util.inspect`, `JSON.stringify` and logs: the given
 * secrets and anything that looks like a key masked in its message, stack and string fields;
 * credential-named fields (`Authorization`, `apiKey`, `password`, …, e.g. in an axios or got
 * error's `config.headers`) masked whatever they hold; the `cause` (an error, a plain object or
 * a string) and an `AggregateError`'s `errors` redacted the same way; headers, maps, buffers and
 * class instances turned into plain data; cycles kept as cycles; depth (8), nodes (2,000) and
 * entries per object (100) bounded. A built-in error class or `QwenConfigError` is kept; another
 * class becomes its nearest built-in error with the original `name`. Returns `error` itself when
 * nothing needed masking.
 */
export function redactError<E extends Error>(error: E, secrets: readonly string[] = []): E {
  return redactValue(error, secrets) as E;
}
