import { MockControlError } from "../control-error.js";
import { isObject } from "../is-object.js";
import type { RecordedRequest } from "../recorder.js";
import { checkFault, type MockFault } from "./specs.js";

/** Which requests a rule applies to, as data: every given field must equal the request's. */
export interface FaultRuleMatch {
  /** The DashScope hostname, e.g. `dashscope-intl.aliyuncs.com`. */
  readonly host?: string;
  /** The path on the host, e.g. `/compatible-mode/v1/chat/completions`. */
  readonly path?: string;
  /** The body's `model`. */
  readonly model?: string;
}

/** A fault plus which requests it applies to and how many times (default: every request). */
export interface MockFaultRule {
  readonly fault: MockFault;
  /** How many matching requests get the fault (a whole number of 1 or more); unlimited when absent. */
  readonly times?: number;
  /** Which requests get the fault (fields to equal, or a predicate); all when absent. */
  readonly match?: FaultRuleMatch | ((request: RecordedRequest) => boolean);
}

const MATCH_KEYS = ["host", "path", "model"] as const;

/** Whether a request fits a rule's match. */
export function matches(match: MockFaultRule["match"], request: RecordedRequest): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match(request);
  const model = isObject(request.body) ? request.body.model : undefined;
  return (
    (match.host === undefined || request.host === match.host) &&
    (match.path === undefined || request.path === match.path) &&
    (match.model === undefined || model === match.model)
  );
}

/** Checks a `times` value; `shown` is how the message shows it. */
export function checkTimes(value: unknown, where: string, shown = JSON.stringify(value)): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new MockControlError(where, `times must be a whole number of 1 or more, got ${shown}`);
  }
  return value as number;
}

function checkMatch(value: unknown, where: string): MockFaultRule["match"] {
  if (typeof value === "function") return value as (request: RecordedRequest) => boolean;
  if (!isObject(value)) {
    throw new MockControlError(where, "match must be an object of host, path and model (or a function)");
  }
  for (const [key, given] of Object.entries(value)) {
    if (!(MATCH_KEYS as readonly string[]).includes(key)) {
      throw new MockControlError(where, `'${key}' is not a match key (one of: ${MATCH_KEYS.join(", ")})`);
    }
    if (typeof given !== "string") throw new MockControlError(where, `match.${key} must be a string`);
  }
  return value as FaultRuleMatch;
}

/**
 * Checks a rule given in code or JSON: its fault against the fault table, `times` and `match`, and
 * returns it with only those keys. `where` names the source in errors.
 * @throws {@link MockControlError} saying what is wrong.
 */
export function checkRule(value: unknown, where: string): MockFaultRule {
  if (!isObject(value)) throw new MockControlError(where, "a rule is an object { fault, times?, match? }");
  for (const key of Object.keys(value)) {
    if (key !== "fault" && key !== "times" && key !== "match") {
      throw new MockControlError(where, `'${key}' is not a rule key (fault, times, match)`);
    }
  }
  return {
    fault: checkFault(value.fault, where),
    ...(value.times === undefined ? {} : { times: checkTimes(value.times, where) }),
    ...(value.match === undefined ? {} : { match: checkMatch(value.match, where) }),
  };
}

/**
 * Reads a JSON list of rules (the body of `POST /__mock/faults`).
 * @throws {@link MockControlError} for the first rule that is wrong, naming its index.
 */
export function parseJsonRules(value: unknown, where: string): MockFaultRule[] {
  if (!Array.isArray(value)) throw new MockControlError(where, "expected a JSON array of rules");
  return value.map((item, index) => {
    const rule = checkRule(item, `${where} [${index}]`);
    if (typeof rule.match === "function") throw new MockControlError(where, "match must be an object");
    return rule;
  });
}
