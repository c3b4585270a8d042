import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

/** The one module that imports `node:` builtins, and what stands in for it in the neutral build. */
const NODE_MODULE = /\/node\/node-file-system\.js$/;
const STAND_IN = fileURLToPath(new URL("./src/node/no-file-system.ts", import.meta.url));

/**
 * Swaps Node's file system for none, so the neutral build imports no `node:` module (it runs in
 * browsers, edge workers and under `esbuild --platform=neutral`); env files and file SecretRefs
 * then fail there with a clear error. The test in test/neutral-build.test.ts checks the result.
 */
const withoutNodeFileSystem = {
  name: "qwenkit-without-node-file-system",
  setup(build: { onResolve(options: { filter: RegExp }, run: () => { path: string }): void }) {
    build.onResolve({ filter: NODE_MODULE }, () => ({ path: STAND_IN }));
  },
};

const common: Options = {
  format: ["esm"],
  dts: false,
  // dist is emptied by the build script: the two builds run at once and must not clean each other.
  clean: false,
  // Keep `node:` specifiers: they name the builtins unambiguously for bundlers and other runtimes.
  removeNodeProtocol: false,
};

export default defineConfig([
  {
    ...common,
    // The `default` export condition: what bundlers pick for browsers and workers. Object form:
    // each entry keeps its folder in dist (dist/wire/index.js for "./wire").
    entry: {
      index: "src/index.ts",
      advanced: "src/advanced.ts",
      internal: "src/internal.ts",
      "wire/index": "src/wire/index.ts",
    },
    platform: "neutral",
    target: "es2022",
    esbuildPlugins: [withoutNodeFileSystem],
  },
  {
    ...common,
    // The `node` export condition (Node, Bun, Deno): the same API, with env files and file SecretRefs.
    // One build for all three entries, so they share chunks (one QwenConfigError class, not three).
    entry: { node: "src/index.ts", "node-advanced": "src/advanced.ts", "node-internal": "src/internal.ts" },
    platform: "node",
    target: "node22",
  },
]);
