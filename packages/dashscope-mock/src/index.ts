export { dashscopeHandlers } from "./handlers.js";
export { MockInterceptionError } from "./interception-probe.js";
export { type DashscopeMock, setupDashscopeMock } from "./setup.js";
export * from "./standalone.js";
