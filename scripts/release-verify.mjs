#!/usr/bin/env node
// `pnpm release:verify`: proves the packages install and work for a user before they are released.
// It runs the package checks of check:packages, starts a throwaway Verdaccio on 127.0.0.1, publishes
// every package to it with `pnpm publish`, installs them with npm into a scratch project under the
// OS temp dir from that registry only, and checks there: provenance, ESM import, CJS require, a
// TypeScript consumer (nodenext ESM + CJS, and bundler), the dashscope-mock bin and
// qwenkit-conformance against the mock. The registry is stopped and the temp dir removed whatever
// happens (`--keep` leaves the temp dir for inspection). Expects the packages built (the root
// script builds them first).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkConformanceBin, checkMockBin } from "./release/bin-checks.mjs";
import { checkProvenance, consumerEnv, installConsumer } from "./release/consumer-project.mjs";
import { CheckFailure, mustRun } from "./release/exec.mjs";
import { packageSteps } from "./release/package-checks.mjs";
import { startRegistry } from "./release/registry.mjs";
import { createSession, createSteps } from "./release/session.mjs";
import { publishedPackages } from "./release/workspace.mjs";

const root = resolve(import.meta.dirname, "..");
const MINUTE = 60_000;

/** The registry this machine installs from, as npm is configured; the local registry proxies it. */
async function uplinkRegistry(session) {
  const { stdout } = await mustRun(
    session.tracker,
    "reading npm's registry",
    "npm",
    ["config", "get", "registry"],
    {
      env: process.env,
      timeoutMs: MINUTE,
    },
  );
  const url = stdout.trim();
  if (!/^https?:\/\//.test(url)) throw new CheckFailure(`npm config get registry gave "${url}", not a URL`);
  return url;
}

async function publishAll(session, registry, packed) {
  const npmrc = join(session.dir, "publish.npmrc");
  writeFileSync(npmrc, `${registry.npmrcLine}\n`, { mode: 0o600 });
  const env = { ...process.env, npm_config_userconfig: npmrc };
  for (const pkg of packed) {
    await mustRun(
      session.tracker,
      `publishing ${pkg.name}`,
      "pnpm",
      ["publish", pkg.tarball, `--registry=${registry.url}`, "--no-git-checks", "--access=public"],
      { cwd: root, env, timeoutMs: 2 * MINUTE },
    );
    const response = await fetch(`${registry.url}${pkg.name.replace("/", "%2f")}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const versions = response.ok ? Object.keys((await response.json()).versions ?? {}) : [];
    if (!versions.includes(pkg.version)) {
      throw new CheckFailure(`${pkg.name}@${pkg.version} is not in the local registry after publishing`);
    }
    process.stdout.write(`  ${pkg.name}@${pkg.version} -> ${registry.url}\n`);
  }
}

const inProject = (session, project, what, command, args, timeoutMs = 2 * MINUTE) =>
  mustRun(session.tracker, what, command, args, {
    cwd: project,
    env: consumerEnv(process.execPath, process.env),
    timeoutMs,
  }).then(({ stdout }) => process.stdout.write(stdout.replace(/^(?=.)/gm, "  ")));

const steps = createSteps();
const session = createSession(root, "qwenkit-release-verify-", { keep: process.argv.includes("--keep") });
let registry;
try {
  const packed = await packageSteps(steps, session, publishedPackages(root), root, process.env);
  registry = await steps.step(
    "start a local registry (Verdaccio) on 127.0.0.1",
    async () => {
      const dir = join(session.dir, "registry");
      mkdirSync(dir);
      const started = await startRegistry(session, {
        dir,
        uplink: await uplinkRegistry(session),
        root,
        env: process.env,
      });
      process.stdout.write(`  ${started.url} (@qwenkit/* local only; other packages proxied)\n`);
      return started;
    },
    { required: true },
  );
  await steps.step("publish every package with pnpm publish", () => publishAll(session, registry, packed), {
    required: true,
  });
  const env = consumerEnv(process.execPath, process.env);
  const project = await steps.step(
    "npm install into a scratch project from the local registry",
    () => installConsumer(session, { registryUrl: registry.url, packed, root, env }),
    { required: true },
  );
  await steps.step("installed from the local registry only", () =>
    checkProvenance(project, packed, registry.url),
  );
  await steps.step("ESM import (and the provider against the mock)", () =>
    inProject(session, project, "ESM import", process.execPath, ["esm-check.mjs"]),
  );
  await steps.step("CJS require() of the ESM packages", () =>
    inProject(session, project, "CJS require", process.execPath, ["cjs-check.cjs"]),
  );
  const tsc = (config) =>
    inProject(session, project, `tsc -p ${config}`, join(project, "node_modules", ".bin", "tsc"), [
      "-p",
      config,
    ]);
  await steps.step("TypeScript consumer, nodenext (.ts and .cts)", () => tsc("tsconfig.json"));
  await steps.step("TypeScript consumer, bundler resolution", () => tsc("tsconfig.bundler.json"));
  await steps.step("TypeScript: all declaration files check (skipLibCheck off)", () =>
    tsc("tsconfig.declarations.json"),
  );
  await steps.step("dashscope-mock bin", () => checkMockBin(session, { project, env }));
  await steps.step("qwenkit-conformance against the mock", () =>
    checkConformanceBin(session, { project, env }),
  );
} finally {
  await registry?.stop();
  session.close();
}
process.stdout.write(`${steps.summary("release:verify")}\n`);
process.exitCode = steps.ok() ? 0 : 1;
