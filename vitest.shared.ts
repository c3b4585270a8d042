import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Test settings every workspace package shares. Workspace imports resolve to source, so a test
 * never runs against a stale build; each run writes `.vitest-report.json`, which `.ci/run` totals.
 */
export const sharedConfig: ViteUserConfig = {
  resolve: {
    alias: {
      "@qwenkit/core": source("./packages/core/src/index.ts"),
      "@qwenkit/provider": source("./packages/provider/src/index.ts"),
      "@qwenkit/dashscope-mock": source("./packages/dashscope-mock/src/index.ts"),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
    testTimeout: 20_000,
  },
};
