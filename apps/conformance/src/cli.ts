#!/usr/bin/env node
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseCliArgs, USAGE, UsageError } from "./args.js";
import { checkLiveRun } from "./live-check.js";
import { formatJson } from "./report/json.js";
import { formatJunit } from "./report/junit.js";
import { formatTable } from "./report/table.js";
import { summarize } from "./result.js";
import { runConformance, UnknownIdError } from "./suite.js";
import { packageVersion } from "./version.js";

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseCliArgs(argv, process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const target =
    options.target === "base-url"
      ? { kind: "base-url" as const, url: options.baseUrl ?? "" }
      : options.target === "live"
        ? { kind: "live" as const, env: process.env }
        : { kind: "mock" as const };
  process.stderr.write(
    `qwenkit conformance: target ${options.target}${options.baseUrl ? ` ${options.baseUrl}` : ""}\n`,
  );
  const run = await runConformance({
    target,
    hosts: options.hosts,
    features: options.features,
    cellTimeoutMs: options.cellTimeoutMs,
    headers: options.headers,
    ...(options.userAgent !== undefined && { userAgent: options.userAgent }),
    ...(options.progress && {
      onCell: (r) => process.stderr.write(`  ${r.status.padEnd(4)} ${r.host} / ${r.feature} (${r.ms} ms)\n`),
    }),
  });
  const live = checkLiveRun(run, options.requireLive);
  // The loud live-run lines say everything the notice says, and more.
  if (run.notice && live.lines.length === 0) process.stderr.write(`note: ${run.notice}\n`);
  process.stdout.write(`\n${formatTable(run.results, run.hosts, run.features)}\n`);
  if (options.json) write(options.json, formatJson(run));
  if (options.junit) write(options.junit, formatJunit(run));
  // Last, so the warning is what a CI log ends with.
  if (live.lines.length > 0) process.stderr.write(`${live.lines.join("\n")}\n`);
  return summarize(run.results).fail > 0 || live.fail ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof UnknownIdError) {
      process.stderr.write(`qwenkit-conformance: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`qwenkit-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
