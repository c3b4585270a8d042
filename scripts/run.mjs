#!/usr/bin/env node
// Runs a repository command under the pinned toolchain. It must itself run on the Node 20 + npm
// that a fresh machine has, so it is plain JavaScript with no dependencies: it installs the
// pinned Node (a registry package that ships the binary) and pnpm into .toolchain/, installs the
// workspace from the lockfile when needed, then runs the command with that toolchain first on PATH.
//
//   node scripts/run.mjs [--build <turbo filter>] <command> [args...]
//   node scripts/run.mjs --install-node <version>   (another Node into .toolchain/, e.g. for smoke tests)
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const toolchain = join(root, ".toolchain");
const binDir = join(toolchain, "bin");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, "").split("+")[0];
const nodeVersion = readFileSync(join(root, ".node-version"), "utf8").trim();
const minimumNode = manifest.engines.node.replace(/^>=/, "");

const log = (message) => process.stderr.write(`[qwenkit] ${message}\n`);

function atLeast(version, minimum) {
  const a = version.split(".").map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function npmInstall(prefix, spec) {
  log(`installing ${spec} into ${prefix.replace(`${root}/`, "")}`);
  mkdirSync(prefix, { recursive: true });
  const status = run("npm", [
    "install",
    "--prefix",
    prefix,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    spec,
  ]);
  if (status !== 0) throw new Error(`npm install ${spec} failed with exit code ${status}`);
}

/** Node `version`'s binary in .toolchain/node-<version>/, installed from the package that ships it. */
function installedNode(version) {
  const platform = process.platform === "win32" ? "win" : process.platform;
  const pkg = `node-${platform}-${process.arch}`;
  const prefix = join(toolchain, `node-${version}`);
  const binary = join(prefix, "node_modules", pkg, "bin", "node");
  if (!existsSync(binary)) npmInstall(prefix, `${pkg}@${version}`);
  return binary;
}

function nodeBinary() {
  if (atLeast(process.versions.node, minimumNode)) return process.execPath;
  return installedNode(nodeVersion);
}

function pnpmEntry() {
  const prefix = join(toolchain, `pnpm-${pnpmVersion}`);
  const pkg = join(prefix, "node_modules", "pnpm");
  if (!existsSync(join(pkg, "package.json"))) npmInstall(prefix, `pnpm@${pnpmVersion}`);
  // The entry file's name differs across pnpm majors; the package says which it is.
  return join(pkg, JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).bin.pnpm);
}

function writeShims(node, pnpm) {
  mkdirSync(binDir, { recursive: true });
  const nodeLink = join(binDir, "node");
  if (existsSync(nodeLink)) unlinkSync(nodeLink);
  symlinkSync(node, nodeLink);
  const pnpmShim = join(binDir, "pnpm");
  writeFileSync(pnpmShim, `#!/bin/sh\nexec "${node}" "${pnpm}" "$@"\n`);
  chmodSync(pnpmShim, 0o755);
}

function installNeeded() {
  const marker = join(root, "node_modules", ".modules.yaml");
  if (!existsSync(marker)) return true;
  return statSync(join(root, "pnpm-lock.yaml")).mtimeMs > statSync(marker).mtimeMs;
}

function main(argv) {
  if (argv[0] === "--install-node") {
    if (!/^\d+\.\d+\.\d+$/.test(argv[1] ?? "")) throw new Error("--install-node takes a version: 24.1.0");
    log(`Node ${argv[1]}: ${installedNode(argv[1])}`);
    return 0;
  }
  const node = nodeBinary();
  writeShims(node, pnpmEntry());
  const env = {
    ...process.env,
    PATH: [binDir, join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter),
    // Turbo's telemetry notice and update check would try to reach the internet.
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
  };
  if (installNeeded()) {
    const status = run("pnpm", ["install", "--frozen-lockfile"], env);
    if (status !== 0) return status;
  }
  let args = argv;
  if (args[0] === "--build") {
    const status = run("turbo", ["run", "build", `--filter=${args[1]}...`, "--output-logs=errors-only"], env);
    if (status !== 0) return status;
    args = args.slice(2);
  }
  if (args.length === 0) return 0;
  return run(args[0], args.slice(1), env);
}

process.exitCode = main(process.argv.slice(2));
