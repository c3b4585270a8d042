#!/usr/bin/env node
// `pnpm check:packages`: packs every published package as `pnpm publish` would and checks the
// tarballs (no tests, fixtures or stray source maps; complete metadata), runs publint --strict and
// attw on them, and prints the min+gzip size of each main entry. Expects the packages built.
import { resolve } from "node:path";
import { packageSteps } from "./release/package-checks.mjs";
import { createSession, createSteps } from "./release/session.mjs";
import { publishedPackages } from "./release/workspace.mjs";

const root = resolve(import.meta.dirname, "..");
const steps = createSteps();
const session = createSession(root, "qwenkit-check-packages-", { keep: process.argv.includes("--keep") });
try {
  await packageSteps(steps, session, publishedPackages(root), root, process.env);
} finally {
  session.close();
}
process.stdout.write(`${steps.summary("check:packages")}\n`);
process.exitCode = steps.ok() ? 0 : 1;
