export { dashscopeHandlers } from "./handlers.js";
export { type DashscopeMock, setupDashscopeMock } from "./setup.js";
export * from "./standalone.js";
