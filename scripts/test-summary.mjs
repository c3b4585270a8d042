#!/usr/bin/env node
// Totals the vitest JSON reports that `pnpm test` leaves in every workspace package, and the
// JUnit report of the release scripts' node:test suite, and prints the closing
// `N passed, N failed` line CI reads. A package whose report is missing (its vitest crashed or
// never ran) counts as a failure, so a broken run can never look green.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const group of ["packages", "apps"]) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name);
    const manifest = join(dir, "package.json");
    // Only packages with a test script owe a report.
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, "utf8")).scripts?.test) continue;
    const report = join(dir, ".vitest-report.json");
    if (!existsSync(report)) {
      console.log(`${group}/${name}: no test report`);
      missing++;
      continue;
    }
    const r = JSON.parse(readFileSync(report, "utf8"));
    const pending = r.numPendingTests + r.numTodoTests;
    console.log(
      `${group}/${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${pending} skipped`,
    );
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    skipped += pending;
  }
}
const scriptsReport = join(root, "scripts", ".node-test-report.xml");
if (existsSync(scriptsReport)) {
  const xml = readFileSync(scriptsReport, "utf8");
  const count = (pattern) => (xml.match(pattern) ?? []).length;
  const cases = count(/<testcase\b/g);
  const caseFailures = count(/<failure\b/g);
  const caseSkips = count(/<skipped\b/g);
  console.log(
    `scripts: ${cases - caseFailures - caseSkips} passed, ${caseFailures} failed, ${caseSkips} skipped`,
  );
  passed += cases - caseFailures - caseSkips;
  failed += caseFailures;
  skipped += caseSkips;
}
console.log(`${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exitCode = failed + missing > 0 || passed === 0 ? 1 : 0;
