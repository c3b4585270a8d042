// Where each runtime's executable is. Deno, Bun and workerd come from npm packages that ship the
// binary itself (the platform packages, which have no install script that downloads); Node 24
// from the same kind of package, installed by `pnpm --filter @qwenkit/smoke setup`; Chromium from
// the system (Debian's `chromium`).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { APP_ROOT } from "./bundles.ts";

const require = createRequire(join(APP_ROOT, "package.json"));

/** A file inside an installed package, or `undefined` when the package is not installed. */
export function packageFile(name: string, file: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${name}/package.json`)), file);
  } catch {
    return undefined;
  }
}

/** The Node 24 release the smoke tests run, from the npm package that ships its binary. */
export const NODE_24_VERSION = "24.22.3";

/** The package that ships this machine's Node binary. */
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;

/** Where `setup` installs Node 24: beside the repository's pinned Node 22, as scripts/run.mjs lays it out. */
const NODE_24_PREFIX = resolve(APP_ROOT, "../../.toolchain", `node-${NODE_24_VERSION}`);

/** Node 24's binary, when `setup` has installed it. */
export function node24Binary(): string | undefined {
  const binary = join(NODE_24_PREFIX, "node_modules", NODE_PACKAGE, "bin", "node");
  return existsSync(binary) ? binary : undefined;
}

/** Debian's Chromium (or `CHROMIUM_PATH`), when present. */
export function chromiumBinary(): string | undefined {
  const binary = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(binary) ? binary : undefined;
}
