export { CODING_AGENT_USER_AGENTS } from "./client-gate.js";
export { MockControlError } from "./control-error.js";
export type { FaultRuleState } from "./faults/book.js";
export { FAULT_HEADER, formatFaultHeader, type HeaderFaultRule, parseFaultHeader } from "./faults/header.js";
export type { FaultRuleMatch, MockFaultRule } from "./faults/rules.js";
export { FAULT_SPECS, MAX_FAULT_DELAY_MS, type MockFault, type MockFaultType } from "./faults/specs.js";
export { dashscopeHandlers } from "./handlers.js";
export {
  type ErrorLayout,
  MOCK_ERROR_NAMES,
  MOCK_ERRORS,
  type MockErrorName,
  type MockErrorSpec,
} from "./mock-errors.js";
export {
  createDashscopeMockHandler,
  type DashscopeMockHandler,
  type MockHttpRequest,
} from "./mock-handler.js";
export type { DashscopeMockOptions } from "./options.js";
export { CONTROL_HEADERS, MAX_TOOL_ARGUMENTS_BYTES } from "./output-controls.js";
export {
  createRecorder,
  type RecordedRequest,
  type RecorderOptions,
  type RequestRecorder,
} from "./recorder.js";
export {
  type DashscopeMockServer,
  type DashscopeMockServerOptions,
  startDashscopeMockServer,
} from "./server.js";
export { type DashscopeMock, setupDashscopeMock } from "./setup.js";
