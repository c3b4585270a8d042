/**
 * `@qwenkit/dashscope-mock/server`: everything but the msw handlers, so the standalone server and
 * the request-handling core load without msw (Bun, Deno, or a project without msw installed).
 * The package root re-exports all of it, plus `dashscopeHandlers` and `setupDashscopeMock`.
 */
export { CODING_AGENT_USER_AGENTS } from "./client-gate.js";
export { MockControlError } from "./control-error.js";
export type { FaultRuleState } from "./faults/book.js";
export { FAULT_HEADER, formatFaultHeader, type HeaderFaultRule, parseFaultHeader } from "./faults/header.js";
export type { FaultRuleMatch, MockFaultRule } from "./faults/rules.js";
export { FAULT_SPECS, MAX_FAULT_DELAY_MS, type MockFault, type MockFaultType } from "./faults/specs.js";
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
export { type ModelList, PAY_AS_YOU_GO_MODELS } from "./models/pay-as-you-go.js";
export type { DashscopeMockOptions } from "./options.js";
export { CONTROL_HEADERS, MAX_TOOL_ARGUMENTS_BYTES } from "./output-controls.js";
export {
  createRecorder,
  type RecordedRequest,
  type RecorderOptions,
  type RequestRecorder,
} from "./recorder.js";
export { DEFAULT_MAX_REQUEST_BODY_BYTES } from "./request-body.js";
export { FAULT_CONTROL_PATH } from "./server/control.js";
export { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from "./server/cors.js";
export {
  type DashscopeMockServer,
  type DashscopeMockServerOptions,
  startDashscopeMockServer,
} from "./server.js";
export { MockClosedError } from "./timers.js";
