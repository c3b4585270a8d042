#!/usr/bin/env node
import { parseArgs } from "node:util";
import { PRIMARY_ENDPOINTS } from "@qwenkit/core";
import { createRecorder } from "./recorder.js";
import { startDashscopeMockServer } from "./server.js";

const USAGE = `Usage: dashscope-mock [--port N] [--host H] [--coding-plan-client-gate]
                      [--coding-plan-models a,b,…] [--extra-models a,b,…]

Serves DashScope's OpenAI-compatible hosts under path prefixes named by their hostnames, e.g.
  http://127.0.0.1:PORT/coding-intl.dashscope.aliyuncs.com/v1/chat/completions
It prints "listening on http://H:P" on stdout (the host base URLs follow on stderr).
Stop with Ctrl-C (SIGINT) or SIGTERM.

  --port N                    port to listen on (default 0: a free port)
  --host H                    address to listen on (default 127.0.0.1)
  --coding-plan-client-gate   Coding Plan hosts answer 405 unless the User-Agent names a coding agent
  --coding-plan-models LIST   models the Coding Plan hosts serve (default: the March 2026 list)
  --extra-models LIST         models the Standard hosts serve besides the catalog
Faults and reply sizes are chosen per request with the x-mock-fault, x-mock-chunks,
x-mock-reasoning-chunks and x-mock-tool-arguments-bytes headers (see the package README).`;

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (error) {
    process.stderr.write(
      `dashscope-mock: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    process.stderr.write(
      `dashscope-mock: --port must be a whole number from 0 to 65535, got '${values.port}'\n`,
    );
    process.exitCode = 2;
    return;
  }
  const codingPlanModels = list(values["coding-plan-models"]);
  const extraModels = list(values["extra-models"]);
  const server = await startDashscopeMockServer({
    port,
    host: values.host,
    // A long-running server keeps no request log: nothing could read it and it would only grow.
    recorder: createRecorder({ limit: 0 }),
    codingPlanClientGate: values["coding-plan-client-gate"] === true,
    ...(codingPlanModels === undefined ? {} : { codingPlanModels }),
    ...(extraModels === undefined ? {} : { extraModels }),
  });
  // stdout carries only the listening line, for scripts to read; a reader that closes the pipe
  // must not bring the server down. The base URLs are for people, on stderr.
  process.stdout.on("error", () => undefined);
  process.stdout.write(`listening on ${server.url}\n`);
  for (const endpoint of PRIMARY_ENDPOINTS) process.stderr.write(`  ${server.baseUrl(endpoint.host)}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function parse() {
  return parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "coding-plan-client-gate": { type: "boolean" },
      "coding-plan-models": { type: "string" },
      "extra-models": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`dashscope-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
