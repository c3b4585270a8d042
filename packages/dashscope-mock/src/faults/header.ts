import { MockControlError } from "../control-error.js";
import { checkTimes, type MockFaultRule } from "./rules.js";
import { isMockFaultType, MOCK_FAULT_TYPES, type MockFault, PARAMETER_KINDS, parametersOf } from "./specs.js";

/** The name of the fault request header. */
export const FAULT_HEADER = "x-mock-fault";

/** The header key that limits a fault to its first n requests (any fault takes it). */
export const TIMES_KEY = "times";

/** A fault of the `x-mock-fault` header, with the `times` it may carry. */
export type HeaderFaultRule = Pick<MockFaultRule, "fault" | "times">;

function parseFault(text: string): HeaderFaultRule {
  const [head = "", ...pairs] = text.split(";").map((part) => part.trim());
  if (!isMockFaultType(head)) {
    throw new MockControlError(
      FAULT_HEADER,
      `unknown fault '${head}' (one of: ${MOCK_FAULT_TYPES.join(", ")})`,
    );
  }
  const params = parametersOf(head);
  const known = [...params.map(([name]) => name), TIMES_KEY];
  const values = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const key = at < 0 ? pair : pair.slice(0, at).trim();
    if (at < 0 || !known.includes(key)) {
      throw new MockControlError(
        FAULT_HEADER,
        `'${pair}' is not a parameter of ${head} (expected key=value with key one of: ${known.join(", ")})`,
      );
    }
    values.set(key, pair.slice(at + 1).trim());
  }
  const fault: Record<string, unknown> = { type: head };
  for (const [name, spec] of params) {
    const text = values.get(name);
    if (text === undefined) {
      if (spec.required) throw new MockControlError(FAULT_HEADER, `${head} needs ${name}=…`);
      continue;
    }
    const kind = PARAMETER_KINDS[spec.kind];
    const value = kind.parse(text);
    if (value === undefined) {
      throw new MockControlError(FAULT_HEADER, `${name} must be ${kind.expected}, got '${text}'`);
    }
    fault[name] = value;
  }
  const times = values.get(TIMES_KEY);
  if (times === undefined) return { fault: fault as MockFault };
  const count = /^\d+$/.test(times) ? Number(times) : Number.NaN;
  return { fault: fault as MockFault, times: checkTimes(count, FAULT_HEADER, `'${times}'`) };
}

/**
 * Parses the `x-mock-fault` header: comma-separated faults, each `<type>[;key=value]...`, e.g.
 * `error;error=rate-limit;retryAfterSeconds=2;times=1` or `chunk-delay;delayMs=5, missing-done`.
 * @throws {@link MockControlError} on anything it does not understand.
 */
export function parseFaultHeader(value: string): HeaderFaultRule[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(parseFault);
}

const isRule = (item: MockFault | HeaderFaultRule): item is HeaderFaultRule => "fault" in item;

/** One fault as header text, parameters in table order. */
export function formatFault(rule: HeaderFaultRule): string {
  const { fault } = rule;
  const values = fault as unknown as Record<string, unknown>;
  const parts: string[] = [fault.type];
  for (const [name] of parametersOf(fault.type)) {
    if (values[name] !== undefined) parts.push(`${name}=${String(values[name])}`);
  }
  if (rule.times !== undefined) parts.push(`${TIMES_KEY}=${rule.times}`);
  return parts.join(";");
}

/**
 * Formats faults as an `x-mock-fault` header value (the inverse of {@link parseFaultHeader}); takes
 * plain faults or `{ fault, times }`.
 *
 * @example
 * formatFaultHeader([{ fault: { type: "error", error: "rate-limit" }, times: 1 }]);
 * // "error;error=rate-limit;times=1"
 */
export function formatFaultHeader(faults: readonly (MockFault | HeaderFaultRule)[]): string {
  return faults.map((item) => formatFault(isRule(item) ? item : { fault: item })).join(", ");
}
