export { CLI_ENV, type CliOptions, parseCliArgs, USAGE, UsageError } from "./args.js";
export type { HostContext } from "./context.js";
export { FEATURES } from "./features/index.js";
export { HeaderError } from "./headers.js";
export {
  CONFORMANCE_HOSTS,
  type ConformanceHost,
  type HostId,
  type HostSelection,
  MOCK_WORKSPACE_ID,
} from "./hosts.js";
export { checkLiveRun, type LiveRunCheck } from "./live-check.js";
export { formatJson } from "./report/json.js";
export { formatJunit } from "./report/junit.js";
export { formatTable } from "./report/table.js";
export {
  type CellResult,
  type CellStatus,
  type ConformanceReport,
  SkipCell,
  summarize,
  type TargetKind,
} from "./result.js";
export { type Feature, type HostSetup, runMatrix } from "./runner.js";
export {
  type ConformanceOptions,
  type ConformanceRun,
  type HostNotRun,
  redactor,
  runConformance,
  UnknownIdError,
} from "./suite.js";
export {
  LIVE_OPT_IN,
  LIVE_WORKSPACE_VARIABLES,
  liveKeyVariable,
  type PreparedTarget,
  prepareTarget,
  type RunHeaders,
  type TargetSpec,
} from "./targets.js";
