// `pnpm --filter @qwenkit/smoke setup`: installs the Node 24 binary the smoke tests run, from the
// npm package that ships it, into .toolchain/ (as scripts/run.mjs installs the pinned Node 22).
// It is not a workspace dependency because its `node` bin would shadow the workspace's Node.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { NODE_24_PREFIX, NODE_24_VERSION, NODE_PACKAGE, node24Binary } from "../harness/binaries.ts";

const present = node24Binary();
if (present === undefined) {
  mkdirSync(NODE_24_PREFIX, { recursive: true });
  const spec = `${NODE_PACKAGE}@${NODE_24_VERSION}`;
  process.stderr.write(`[smoke] installing ${spec} into ${NODE_24_PREFIX}\n`);
  const result = spawnSync(
    "npm",
    [
      "install",
      "--prefix",
      NODE_24_PREFIX,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      spec,
    ],
    { stdio: "inherit", timeout: 5 * 60_000 },
  );
  if (result.status !== 0 || node24Binary() === undefined) {
    process.stderr.write(`[smoke] npm install ${spec} failed (exit ${String(result.status)})\n`);
    process.exit(1);
  }
}
process.stderr.write(`[smoke] Node ${NODE_24_VERSION}: ${node24Binary()}\n`);
