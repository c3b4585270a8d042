// The scratch project that installs the published packages the way a user does: from a registry,
// with npm, in a folder outside the work tree, seeing none of the workspace's settings or binaries.
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { CheckFailure, mustRun } from "./exec.mjs";
import { lockfileProblems } from "./provenance.mjs";

const CONSUMER_FILES = join(import.meta.dirname, "consumer");
// Tools the consumer type-checks with, at the versions the workspace itself uses.
const CONSUMER_TOOLS = ["typescript", "@types/node"];
const INHERITED_NODE_SETTINGS = ["NODE_PATH", "NODE_OPTIONS", "INIT_CWD"];

/**
 * The environment for commands run in the consumer project: no npm/pnpm settings inherited from
 * the script that runs us, no NODE_PATH, no project's `node_modules/.bin` on PATH (the workspace
 * and pnpm's run put theirs there), and the Node that runs this script first on PATH (installed
 * bins start with `#!/usr/bin/env node`).
 */
export function consumerEnv(execPath, base) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (/^(npm|pnpm)_/i.test(name) || INHERITED_NODE_SETTINGS.includes(name)) continue;
    env[name] = value;
  }
  const path = (base.PATH ?? "")
    .split(delimiter)
    .filter((entry) => entry !== "" && !/[\\/]node_modules[\\/]\.bin[\\/]?$/.test(entry));
  env.PATH = [dirname(execPath), ...path].join(delimiter);
  return env;
}

function installedVersion(root, name) {
  return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
}

/**
 * Creates the project in `<session>/consumer` and installs every packed package, at its packed
 * version, plus the type-checking tools, from `registryUrl` only. Returns the project folder.
 */
export async function installConsumer(session, { registryUrl, packed, root, env }) {
  const project = join(session.dir, "consumer");
  mkdirSync(project);
  for (const file of readdirSync(CONSUMER_FILES))
    copyFileSync(join(CONSUMER_FILES, file), join(project, file));
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "qwenkit-release-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  // Empty files stand in for the user's and the global npmrc, so only --registry decides.
  const userconfig = join(session.dir, "consumer-user.npmrc");
  const globalconfig = join(session.dir, "consumer-global.npmrc");
  writeFileSync(userconfig, "");
  writeFileSync(globalconfig, "");
  const specs = [
    ...packed.map((pkg) => `${pkg.name}@${pkg.version}`),
    ...CONSUMER_TOOLS.map((name) => `${name}@${installedVersion(root, name)}`),
  ];
  await mustRun(
    session.tracker,
    "installing the packages from the local registry",
    "npm",
    [
      "install",
      `--registry=${registryUrl}`,
      `--userconfig=${userconfig}`,
      `--globalconfig=${globalconfig}`,
      `--cache=${join(session.dir, "npm-cache")}`,
      "--no-audit",
      "--no-fund",
      "--no-update-notifier",
      "--loglevel=error",
      "--save-exact",
      ...specs,
    ],
    { cwd: project, env, timeoutMs: 10 * 60_000 },
  );
  process.stdout.write(`  installed ${specs.join(" ")}\n  into ${project}\n`);
  return project;
}

/**
 * Checks that everything in the project came from the local registry: the lockfile names no other
 * source and no link, and each published package is a real folder of the packed version.
 */
export function checkProvenance(project, packed, registryUrl) {
  const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
  const problems = lockfileProblems(lock, registryUrl);
  for (const pkg of packed) {
    const dir = join(project, "node_modules", pkg.name);
    if (lstatSync(dir).isSymbolicLink()) problems.push(`${pkg.name} is a symlink, not an installed package`);
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (version !== pkg.version) problems.push(`${pkg.name} is ${version}, not the packed ${pkg.version}`);
  }
  if (problems.length > 0) {
    throw new CheckFailure(
      `the install did not come from the local registry only:\n  ${problems.join("\n  ")}`,
    );
  }
  const count = Object.keys(lock.packages).length - 1;
  process.stdout.write(`  ${count} packages, every one resolved from ${registryUrl}\n`);
}
