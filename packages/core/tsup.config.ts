import { defineConfig } from "tsup";

export default defineConfig({
  // Object form: each entry keeps its folder in dist (dist/wire/index.js for "./wire").
  entry: { index: "src/index.ts", "wire/index": "src/wire/index.ts" },
  format: ["esm"],
  target: "node22",
  platform: "node",
  clean: true,
  dts: false,
  // Keep `node:` specifiers: they name the builtins unambiguously for bundlers and other runtimes.
  removeNodeProtocol: false,
});
