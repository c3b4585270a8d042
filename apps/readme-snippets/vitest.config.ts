import { defineConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// Snippets compile and run against the built packages (as users get them), in child processes:
// the aliases to source in the shared config do not reach them.
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, hookTimeout: 120_000, testTimeout: 60_000 },
});
