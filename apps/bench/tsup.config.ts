import { defineConfig } from "tsup";

export default defineConfig({
  // The orchestrator and every child-process entry it spawns.
  entry: [
    "src/bench.ts",
    "src/worker.ts",
    "src/probes/import-time.ts",
    "src/probes/long-stream-memory.ts",
    "src/probes/mock-throughput.ts",
  ],
  format: ["esm"],
  target: "node22",
  platform: "node",
  clean: true,
  dts: false,
  // Benchmark the packages as users get them: workspace packages and SDKs load from node_modules.
  skipNodeModulesBundle: true,
});
