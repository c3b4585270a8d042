import type { MockFaultRule } from "./faults/rules.js";
import type { RequestRecorder } from "./recorder.js";

/** How a mock behaves. Every field is optional. */
export interface DashscopeMockOptions {
  /**
   * Models the Coding Plan hosts serve; default the current list of `@qwenkit/core`
   * (`PLAN_MODEL_LISTS[CURRENT_PLAN_MODELS.coding]`). Pass `PLAN_MODEL_LISTS["coding-2026-03"].models`
   * for the March 2026 list, which rejects `qwen3.6-plus`.
   */
  readonly codingPlanModels?: readonly string[];
  /** Models the Token Plan hosts serve; default the current Token Plan list of `@qwenkit/core`. */
  readonly tokenPlanModels?: readonly string[];
  /**
   * Keys bound to workspaces (workspace id → its keys). When given, a workspace-dedicated domain
   * accepts only the keys of its own workspace (any other key gets the 401), as Model Studio does;
   * the shared and trial domains still take any key of the plan.
   */
  readonly workspaceKeys?: Readonly<Record<string, readonly string[]>>;
  /**
   * Opt-in: the subscription hosts (Coding Plan and Token Plan) answer 405 to clients whose
   * `User-Agent` does not name a coding agent (see `CODING_AGENT_USER_AGENTS`).
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
  /**
   * The clock (milliseconds since the epoch) that dates replies: `created` is its time in seconds
   * when the request arrives. Default `Date.now`; pass `() => 1_767_225_600_000` for byte-identical
   * replies across runs.
   */
  readonly clock?: () => number;
  /**
   * Largest request body read, in bytes (default 16 MiB). Bytes are counted as they arrive; a larger
   * body (or a larger `content-length`) is answered `413` with code `mock_request_too_large`.
   */
  readonly maxRequestBodyBytes?: number;
}
