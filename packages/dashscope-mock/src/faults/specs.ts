import { MockControlError } from "../control-error.js";
import { isObject } from "../is-object.js";
import { isMockErrorName, MOCK_ERROR_NAMES, type MockErrorName } from "../mock-errors.js";

/**
 * Longest delay a fault may ask for: JavaScript timers fire at once beyond 2^31 − 1 ms (about 24.8
 * days), so a longer `delayMs` would be no delay at all.
 */
export const MAX_FAULT_DELAY_MS = 2 ** 31 - 1;

/** What a fault parameter holds, with how it is read from the header and checked from code or JSON. */
interface ParameterKind<Value> {
  /** How the README and error messages show the value, e.g. `<n>`. */
  readonly placeholder: string;
  /** The value of the header text; `undefined` when the text is not one. */
  parse(text: string): Value | undefined;
  /** Whether a value given in code or JSON is valid. */
  accepts(value: unknown): value is Value;
  /** What a valid value is, for messages. */
  readonly expected: string;
}

const wholeNumber = (max: number, expected: string): ParameterKind<number> => ({
  placeholder: "<n>",
  expected,
  parse: (text) => (/^\d+$/.test(text) && Number(text) <= max ? Number(text) : undefined),
  accepts: (value): value is number =>
    Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max,
});

/** The kinds of fault parameters, keyed by kind. */
export const PARAMETER_KINDS = {
  /** A frame count. */
  count: wholeNumber(Number.MAX_SAFE_INTEGER, "a whole number of 0 or more"),
  /** A delay in milliseconds that a timer can wait. */
  delay: {
    ...wholeNumber(MAX_FAULT_DELAY_MS, `a whole number from 0 to ${MAX_FAULT_DELAY_MS}`),
    placeholder: "<ms>",
  },
  /** Seconds, sent as an integer header value (never in exponent form). */
  seconds: wholeNumber(Number.MAX_SAFE_INTEGER, `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`),
  flag: {
    placeholder: "true\\|false",
    expected: "true or false",
    parse: (text) => (text === "true" ? true : text === "false" ? false : undefined),
    accepts: (value): value is boolean => typeof value === "boolean",
  } satisfies ParameterKind<boolean>,
  /** A name of the error table. */
  "error-name": {
    placeholder: "<name>",
    expected: `one of: ${MOCK_ERROR_NAMES.join(", ")}`,
    parse: (text) => (isMockErrorName(text) ? text : undefined),
    accepts: (value): value is MockErrorName => typeof value === "string" && isMockErrorName(value),
  } satisfies ParameterKind<MockErrorName>,
} as const;

/** The kind of a fault parameter. */
export type ParameterKindName = keyof typeof PARAMETER_KINDS;

/** The value type of a parameter kind. */
type ValueOf<K extends ParameterKindName> =
  (typeof PARAMETER_KINDS)[K] extends ParameterKind<infer V> ? V : never;

/** One parameter of a fault. */
interface ParameterSpec {
  readonly kind: ParameterKindName;
  readonly required: boolean;
  /** Documented default when the parameter is absent (optional parameters only). */
  readonly default?: string;
}

/**
 * One row of the fault table.
 * - `params`: the parameters, in the order the header shows them;
 * - `slot`: faults sharing a slot exclude each other (of two, the first given wins);
 * - `effect`: what the fault does, for the README.
 */
interface FaultSpec {
  readonly params: Readonly<Record<string, ParameterSpec>>;
  readonly slot: string;
  readonly effect: string;
}

/**
 * Every fault the mock can inject, keyed by type: the `x-mock-fault` grammar, the `MockFault` type,
 * the checks of faults given in code or JSON, how faults merge, and the README's table all come from
 * this table.
 */
export const FAULT_SPECS = {
  error: {
    params: {
      error: { kind: "error-name", required: true },
      sseFramed: { kind: "flag", required: false },
      retryAfterSeconds: { kind: "seconds", required: false },
    },
    slot: "error",
    effect:
      "answer that error instead of a completion (after the key and client-gate checks); `sseFramed` sends the body as `data: {…}\\n\\n` with `text/event-stream`; `retryAfterSeconds` adds `retry-after`",
  },
  "mid-stream-error": {
    params: {
      afterChunks: { kind: "count", required: true },
      error: { kind: "error-name", required: false, default: "internal-error" },
    },
    slot: "interruption",
    effect: 'after n frames, `data: {"error":…}` and the end of the stream, no `[DONE]`',
  },
  "drop-connection": {
    params: { afterChunks: { kind: "count", required: true } },
    slot: "interruption",
    effect:
      "after n frames the connection drops (in-process the body stream errors; standalone the socket is destroyed mid chunked body); a non-streamed request gets no response at all",
  },
  "truncated-frame": {
    params: { afterChunks: { kind: "count", required: true } },
    slot: "interruption",
    effect:
      "after n frames, the first half of the next frame, then a clean end; a non-streamed request gets the first half of its JSON",
  },
  "slow-first-byte": {
    params: { delayMs: { kind: "delay", required: true } },
    slot: "slow-first-byte",
    effect: "wait before the response starts",
  },
  "chunk-delay": {
    params: { delayMs: { kind: "delay", required: true } },
    slot: "chunk-delay",
    effect: "wait between frames",
  },
  "missing-usage": { params: {}, slot: "missing-usage", effect: "no usage frame even with `include_usage`" },
  "missing-done": { params: {}, slot: "missing-done", effect: "no `data: [DONE]`" },
  "duplicate-done": { params: {}, slot: "duplicate-done", effect: "`data: [DONE]` twice" },
} as const satisfies Record<string, FaultSpec>;

/** The kind of a fault. */
export type MockFaultType = keyof typeof FAULT_SPECS;

type Params<T extends MockFaultType> = (typeof FAULT_SPECS)[T]["params"];
type RequiredKeys<P> = { [K in keyof P]: P[K] extends { readonly required: true } ? K : never }[keyof P];
type KindOf<P, K extends keyof P> = P[K] extends { readonly kind: infer Kind extends ParameterKindName }
  ? Kind
  : never;
type FaultOf<T extends MockFaultType, P = Params<T>> = {
  readonly type: T;
} & { readonly [K in RequiredKeys<P>]: ValueOf<KindOf<P, K>> } & {
  readonly [K in Exclude<keyof P, RequiredKeys<P>>]?: ValueOf<KindOf<P, K>>;
};
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * A fault the mock injects into a response; one variant per row of {@link FAULT_SPECS}, e.g.
 * `{ type: "error", error: "rate-limit", retryAfterSeconds: 2 }` or `{ type: "drop-connection", afterChunks: 3 }`.
 */
export type MockFault = { [T in MockFaultType]: Flatten<FaultOf<T>> }[MockFaultType];

/** The slot a fault type fills. */
export type FaultSlot = (typeof FAULT_SPECS)[MockFaultType]["slot"];

/** Every fault type, in table order. */
export const MOCK_FAULT_TYPES = Object.keys(FAULT_SPECS) as MockFaultType[];

/** Whether `value` names a fault of the table. */
export function isMockFaultType(value: string): value is MockFaultType {
  return Object.hasOwn(FAULT_SPECS, value);
}

/** The parameters of a fault type, as `[name, spec]` in table order. */
export function parametersOf(type: MockFaultType): readonly (readonly [string, ParameterSpec])[] {
  return Object.entries(FAULT_SPECS[type].params);
}

/**
 * Checks a fault given in code or JSON against the table and returns it with only its own keys.
 * `where` names the source in the error (`faults option`, `POST /__mock/faults`, …).
 * @throws {@link MockControlError} naming the fault and the parameter that is wrong.
 */
export function checkFault(value: unknown, where: string): MockFault {
  if (!isObject(value)) throw new MockControlError(where, "a fault is an object with a `type`");
  const fault = value;
  const { type } = fault;
  if (typeof type !== "string" || !isMockFaultType(type)) {
    throw new MockControlError(
      where,
      `unknown fault '${String(type)}' (one of: ${MOCK_FAULT_TYPES.join(", ")})`,
    );
  }
  const params = parametersOf(type);
  for (const key of Object.keys(fault)) {
    if (key !== "type" && !params.some(([name]) => name === key)) {
      throw new MockControlError(where, `'${key}' is not a parameter of ${type}`);
    }
  }
  const checked: Record<string, unknown> = { type };
  for (const [name, spec] of params) {
    const given = fault[name];
    if (given === undefined) {
      if (spec.required) throw new MockControlError(where, `${type} needs ${name}`);
      continue;
    }
    const kind: ParameterKind<unknown> = PARAMETER_KINDS[spec.kind];
    if (!kind.accepts(given)) {
      throw new MockControlError(
        where,
        `${type}: ${name} must be ${kind.expected}, got ${JSON.stringify(given)}`,
      );
    }
    checked[name] = given;
  }
  return checked as MockFault;
}
