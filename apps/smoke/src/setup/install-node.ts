// `pnpm --filter @qwenkit/smoke setup`: installs the Node 24 binary the smoke tests run into
// .toolchain/, through the repository's bootstrap (scripts/run.mjs --install-node), which installs
// the pinned Node 22 the same way: from the npm package that ships the binary.
// It is not a workspace dependency because its `node` bin would shadow the workspace's Node.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { NODE_24_VERSION, node24Binary } from "../harness/binaries.ts";
import { APP_ROOT } from "../harness/bundles.ts";

const RUN_MJS = resolve(APP_ROOT, "../../scripts/run.mjs");

if (node24Binary() === undefined) {
  const result = spawnSync(process.execPath, [RUN_MJS, "--install-node", NODE_24_VERSION], {
    stdio: "inherit",
    timeout: 5 * 60_000,
  });
  if (result.status !== 0 || node24Binary() === undefined) {
    process.stderr.write(
      `[smoke] installing Node ${NODE_24_VERSION} failed (exit ${String(result.status)})\n`,
    );
    process.exit(1);
  }
}
process.stderr.write(`[smoke] Node ${NODE_24_VERSION}: ${node24Binary()}\n`);
