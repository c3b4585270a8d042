import type { RecordedRequest } from "../recorder.js";
import { formatFault, type HeaderFaultRule } from "./header.js";
import { checkRule, type FaultRuleMatch, type MockFaultRule, matches } from "./rules.js";
import type { MockFault } from "./specs.js";

/** A rule as `faultRules()` and `GET /__mock/faults` list it. */
export interface FaultRuleState {
  readonly fault: MockFault;
  readonly times?: number;
  /** Matching requests it has applied to since the last reset. */
  readonly used: number;
  /** Its match; `"function"` for a predicate. */
  readonly match?: FaultRuleMatch | "function";
  /** `setup`: from the `faults` option, kept by a reset; `runtime`: added later, dropped by a reset. */
  readonly source: "setup" | "runtime";
}

/** Distinct `times` faults of the header whose uses are remembered; beyond this all their counts restart. */
const MAX_HEADER_COUNTS = 10_000;

interface Entry {
  readonly rule: MockFaultRule;
  readonly source: FaultRuleState["source"];
}

/** Fault rules with their use counts: setup rules, rules added at run time, and header faults with `times`. */
export interface FaultBook {
  /**
   * The faults a request gets: the header's (those with uses left), then the fault of the first
   * rule that matches and has uses left (run-time rules first, newest first). Spends one use of each.
   */
  take(request: RecordedRequest, header: readonly HeaderFaultRule[]): MockFault[];
  /** Adds run-time rules, checked before the earlier ones. */
  use(rules: readonly MockFaultRule[]): void;
  /** Every rule, in the order they are checked, with its uses. */
  list(): FaultRuleState[];
  /** Drops run-time rules and restarts every use count (rules and header faults). */
  reset(): void;
}

/**
 * A {@link FaultBook} over the setup rules.
 * @throws {@link MockControlError} when a rule does not fit the fault table.
 */
export function createFaultBook(setupRules: readonly MockFaultRule[] = []): FaultBook {
  const setup: readonly Entry[] = setupRules.map((rule) => ({
    rule: checkRule(rule, "faults option"),
    source: "setup",
  }));
  let runtime: readonly Entry[] = [];
  const uses = new Map<Entry, number>();
  const headerUses = new Map<string, number>();

  const spendHeader = (rule: HeaderFaultRule): boolean => {
    if (rule.times === undefined) return true;
    const key = formatFault(rule);
    const used = headerUses.get(key) ?? 0;
    if (used >= rule.times) return false;
    if (used === 0 && headerUses.size >= MAX_HEADER_COUNTS) headerUses.clear();
    headerUses.set(key, used + 1);
    return true;
  };

  return {
    take(request, header) {
      const faults = header.filter(spendHeader).map((rule) => rule.fault);
      for (const entry of [...runtime, ...setup]) {
        const used = uses.get(entry) ?? 0;
        if (entry.rule.times !== undefined && used >= entry.rule.times) continue;
        if (!matches(entry.rule.match, request)) continue;
        uses.set(entry, used + 1);
        faults.push(entry.rule.fault);
        break;
      }
      return faults;
    },
    use(rules) {
      const entries = rules.map((rule): Entry => ({ rule: checkRule(rule, "useFaults"), source: "runtime" }));
      runtime = [...entries, ...runtime];
    },
    list() {
      return [...runtime, ...setup].map((entry) => {
        const { rule, source } = entry;
        const match = typeof rule.match === "function" ? "function" : rule.match;
        return {
          fault: rule.fault,
          ...(rule.times === undefined ? {} : { times: rule.times }),
          used: uses.get(entry) ?? 0,
          ...(match === undefined ? {} : { match }),
          source,
        };
      });
    },
    reset() {
      runtime = [];
      uses.clear();
      headerUses.clear();
    },
  };
}
