import type { MockFaultRule } from "./faults.js";
import type { RequestRecorder } from "./recorder.js";

/** How a mock behaves. Every field is optional. */
export interface DashscopeMockOptions {
  /** Models the Coding Plan hosts serve; default `CODING_PLAN_MODELS` of `@qwenkit/core` (March 2026). */
  readonly codingPlanModels?: readonly string[];
  /**
   * Opt-in: Coding Plan hosts answer 405 to clients whose `User-Agent` does not name a coding agent
   * (see `CODING_AGENT_USER_AGENTS`).
   */
  readonly codingPlanClientGate?: boolean;
  /** Where requests are recorded; default a new recorder per mock. */
  readonly recorder?: RequestRecorder;
  /** In-process fault injection: the first matching rule with uses left applies to a request. */
  readonly faults?: readonly MockFaultRule[];
  /**
   * Models the Standard hosts serve besides the catalog (with the catalog's defaults for unknown
   * models); any other id gets `404 model_not_found`.
   */
  readonly extraModels?: readonly string[];
}
