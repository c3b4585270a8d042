export * from "./auth-choices.js";
export * from "./catalog.js";
export * from "./endpoints.js";
