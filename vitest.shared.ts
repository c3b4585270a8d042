import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Every published entry point (package subpaths included) and the source file it is built from. */
const ENTRY_SOURCES: Readonly<Record<string, string>> = {
  "@qwenkit/core": "./packages/core/src/index.ts",
  "@qwenkit/core/advanced": "./packages/core/src/advanced.ts",
  "@qwenkit/core/internal": "./packages/core/src/internal.ts",
  "@qwenkit/core/wire": "./packages/core/src/wire/index.ts",
  "@qwenkit/provider": "./packages/provider/src/index.ts",
  "@qwenkit/provider/advanced": "./packages/provider/src/advanced.ts",
  "@qwenkit/dashscope-mock": "./packages/dashscope-mock/src/index.ts",
  "@qwenkit/dashscope-mock/server": "./packages/dashscope-mock/src/standalone.ts",
  "@qwenkit/ai-sdk": "./packages/ai-sdk/src/index.ts",
};

/**
 * Test settings every workspace package shares. Workspace imports resolve to source, so a test
 * never runs against a stale build; each run writes `.vitest-report.json`, which `.ci/run` totals.
 */
export const sharedConfig: ViteUserConfig = {
  resolve: {
    // Exact matches: a prefix alias would turn "@qwenkit/core/wire" into ".../index.ts/wire".
    alias: Object.entries(ENTRY_SOURCES).map(([name, path]) => ({
      find: new RegExp(`^${name}$`),
      replacement: source(path),
    })),
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
    testTimeout: 20_000,
  },
};
