import { MockControlError } from "./control-error.js";
import { isMockErrorName, MOCK_ERROR_NAMES, type MockErrorName } from "./mock-errors.js";
import type { RecordedRequest } from "./recorder.js";

/**
 * A fault the mock injects into a response.
 * - `error`: answer with the named error of SPEC section 8 instead of a completion (after the key
 *   check). `sseFramed` sends the body as `data: {…}\n\n` with `text/event-stream`;
 *   `retryAfterSeconds` adds a `retry-after` header.
 * - `mid-stream-error`: after `afterChunks` frames, send `data: {"error":…}` (default
 *   `internal-error`) and end the stream without `[DONE]`.
 * - `drop-connection`: after `afterChunks` frames, drop the connection (the client's read fails).
 *   Non-streaming requests get no response at all.
 * - `truncated-frame`: after `afterChunks` frames, send the first half of the next frame and end the
 *   stream cleanly. Non-streaming requests get the first half of the JSON body.
 * - `slow-first-byte`: wait `delayMs` before the response starts.
 * - `chunk-delay`: wait `delayMs` between stream frames.
 * - `missing-usage`, `missing-done`, `duplicate-done`: leave out the usage frame, leave out
 *   `data: [DONE]`, or send it twice.
 */
export type MockFault =
  | {
      readonly type: "error";
      readonly error: MockErrorName;
      readonly sseFramed?: boolean;
      readonly retryAfterSeconds?: number;
    }
  | { readonly type: "mid-stream-error"; readonly afterChunks: number; readonly error?: MockErrorName }
  | { readonly type: "drop-connection"; readonly afterChunks: number }
  | { readonly type: "truncated-frame"; readonly afterChunks: number }
  | { readonly type: "slow-first-byte"; readonly delayMs: number }
  | { readonly type: "chunk-delay"; readonly delayMs: number }
  | { readonly type: "missing-usage" }
  | { readonly type: "missing-done" }
  | { readonly type: "duplicate-done" };

/** The kind of a fault. */
export type MockFaultType = MockFault["type"];

/** A fault plus how many requests it applies to (default: every request). */
export interface MockFaultRule {
  readonly fault: MockFault;
  /** How many matching requests get the fault; unlimited when absent. */
  readonly times?: number;
  /** Which requests get the fault; all when absent. */
  readonly match?: (request: RecordedRequest) => boolean;
}

/** A fault that ends a stream early. */
export type StreamInterruption = Extract<
  MockFault,
  { readonly type: "mid-stream-error" | "drop-connection" | "truncated-frame" }
>;

/** Everything the faults of one request ask for, merged. */
export interface FaultPlan {
  readonly error?: Extract<MockFault, { readonly type: "error" }>;
  readonly interruption?: StreamInterruption;
  readonly slowFirstByteMs: number;
  readonly chunkDelayMs: number;
  readonly missingUsage: boolean;
  readonly missingDone: boolean;
  readonly duplicateDone: boolean;
}

/** The plan of a request without faults. */
export const NO_FAULTS: FaultPlan = {
  slowFirstByteMs: 0,
  chunkDelayMs: 0,
  missingUsage: false,
  missingDone: false,
  duplicateDone: false,
};

/** Merges faults into one plan; of two faults of the same kind the first wins. */
export function planFaults(faults: readonly MockFault[]): FaultPlan {
  let plan = NO_FAULTS;
  for (const fault of faults.toReversed()) {
    switch (fault.type) {
      case "error":
        plan = { ...plan, error: fault };
        break;
      case "mid-stream-error":
      case "drop-connection":
      case "truncated-frame":
        plan = { ...plan, interruption: fault };
        break;
      case "slow-first-byte":
        plan = { ...plan, slowFirstByteMs: fault.delayMs };
        break;
      case "chunk-delay":
        plan = { ...plan, chunkDelayMs: fault.delayMs };
        break;
      case "missing-usage":
        plan = { ...plan, missingUsage: true };
        break;
      case "missing-done":
        plan = { ...plan, missingDone: true };
        break;
      case "duplicate-done":
        plan = { ...plan, duplicateDone: true };
        break;
    }
  }
  return plan;
}

/** The name of the fault request header. */
export const FAULT_HEADER = "x-mock-fault";

const FAULT_TYPES: readonly MockFaultType[] = [
  "error",
  "mid-stream-error",
  "drop-connection",
  "truncated-frame",
  "slow-first-byte",
  "chunk-delay",
  "missing-usage",
  "missing-done",
  "duplicate-done",
];

/** The parameters each fault type takes, and which of them are required. */
const FAULT_PARAMETERS: Record<
  MockFaultType,
  { readonly required: readonly string[]; readonly optional: readonly string[] }
> = {
  error: { required: ["error"], optional: ["sseFramed", "retryAfterSeconds"] },
  "mid-stream-error": { required: ["afterChunks"], optional: ["error"] },
  "drop-connection": { required: ["afterChunks"], optional: [] },
  "truncated-frame": { required: ["afterChunks"], optional: [] },
  "slow-first-byte": { required: ["delayMs"], optional: [] },
  "chunk-delay": { required: ["delayMs"], optional: [] },
  "missing-usage": { required: [], optional: [] },
  "missing-done": { required: [], optional: [] },
  "duplicate-done": { required: [], optional: [] },
};

const isFaultType = (value: string): value is MockFaultType =>
  (FAULT_TYPES as readonly string[]).includes(value);

function count(name: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new MockControlError(FAULT_HEADER, `${name} must be a whole number of 0 or more, got '${value}'`);
  }
  return Number(value);
}

function errorName(value: string): MockErrorName {
  if (!isMockErrorName(value)) {
    throw new MockControlError(
      FAULT_HEADER,
      `unknown error '${value}' (one of: ${MOCK_ERROR_NAMES.join(", ")})`,
    );
  }
  return value;
}

function flag(name: string, value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw new MockControlError(FAULT_HEADER, `${name} must be true or false, got '${value}'`);
}

function parseFault(text: string): MockFault {
  const [head = "", ...pairs] = text.split(";").map((part) => part.trim());
  if (!isFaultType(head)) {
    throw new MockControlError(FAULT_HEADER, `unknown fault '${head}' (one of: ${FAULT_TYPES.join(", ")})`);
  }
  const allowed = FAULT_PARAMETERS[head];
  const values = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const key = at < 0 ? pair : pair.slice(0, at).trim();
    if (at < 0 || !(allowed.required.includes(key) || allowed.optional.includes(key))) {
      const known = [...allowed.required, ...allowed.optional];
      const expected =
        known.length > 0
          ? `expected key=value with key one of: ${known.join(", ")}`
          : "it takes no parameters";
      throw new MockControlError(FAULT_HEADER, `'${pair}' is not a parameter of ${head} (${expected})`);
    }
    values.set(key, pair.slice(at + 1).trim());
  }
  for (const key of allowed.required) {
    if (!values.has(key)) throw new MockControlError(FAULT_HEADER, `${head} needs ${key}=…`);
  }
  const get = (key: string): string => values.get(key) ?? "";
  switch (head) {
    case "error": {
      const retry = values.has("retryAfterSeconds")
        ? count("retryAfterSeconds", get("retryAfterSeconds"))
        : undefined;
      return {
        type: "error",
        error: errorName(get("error")),
        ...(values.has("sseFramed") ? { sseFramed: flag("sseFramed", get("sseFramed")) } : {}),
        ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
      };
    }
    case "mid-stream-error":
      return {
        type: "mid-stream-error",
        afterChunks: count("afterChunks", get("afterChunks")),
        ...(values.has("error") ? { error: errorName(get("error")) } : {}),
      };
    case "drop-connection":
    case "truncated-frame":
      return { type: head, afterChunks: count("afterChunks", get("afterChunks")) };
    case "slow-first-byte":
    case "chunk-delay":
      return { type: head, delayMs: count("delayMs", get("delayMs")) };
    case "missing-usage":
    case "missing-done":
    case "duplicate-done":
      return { type: head };
  }
}

/**
 * Parses the `x-mock-fault` header: comma-separated faults, each `<type>[;key=value]...`, e.g.
 * `error;error=rate-limit;retryAfterSeconds=2` or `chunk-delay;delayMs=5, missing-done`.
 * Throws {@link MockControlError} on anything it does not understand.
 */
export function parseFaultHeader(value: string): MockFault[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(parseFault);
}

/** Formats faults as an `x-mock-fault` header value (the inverse of {@link parseFaultHeader}). */
export function formatFaultHeader(faults: readonly MockFault[]): string {
  return faults
    .map((fault) =>
      Object.entries(fault)
        .map(([key, value]) => (key === "type" ? String(value) : `${key}=${String(value)}`))
        .join(";"),
    )
    .join(", ");
}

/** Fault rules with their use counts: the rules given at setup, plus rules added at run time. */
export interface FaultBook {
  /** The fault of the first rule that matches and has uses left (run-time rules first); counts the use. */
  take(request: RecordedRequest): MockFault | undefined;
  /** Adds run-time rules, checked before the earlier ones. */
  use(rules: readonly MockFaultRule[]): void;
  /** Drops run-time rules and restarts every rule's use count. */
  reset(): void;
}

/** A {@link FaultBook} over the setup rules. */
export function createFaultBook(setupRules: readonly MockFaultRule[] = []): FaultBook {
  let runtimeRules: readonly MockFaultRule[] = [];
  const uses = new Map<MockFaultRule, number>();
  return {
    take(request) {
      for (const rule of [...runtimeRules, ...setupRules]) {
        const used = uses.get(rule) ?? 0;
        if (rule.times !== undefined && used >= rule.times) continue;
        if (rule.match !== undefined && !rule.match(request)) continue;
        uses.set(rule, used + 1);
        return rule.fault;
      }
      return undefined;
    },
    use(rules) {
      runtimeRules = [...rules, ...runtimeRules];
    },
    reset() {
      runtimeRules = [];
      uses.clear();
    },
  };
}
