import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/advanced.ts"],
  format: ["esm"],
  target: "node22",
  platform: "node",
  clean: true,
  dts: false,
});
