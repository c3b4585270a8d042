#!/usr/bin/env node
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS, familyHost } from "@qwenkit/core/advanced";
import { createRecorder } from "./recorder.js";
import { startDashscopeMockServer } from "./server.js";

const USAGE = `Usage: dashscope-mock [--port N] [--host H] [--coding-plan-client-gate]
                      [--coding-plan-models a,b,…] [--token-plan-models a,b,…]
                      [--extra-models a,b,…] [--workspace-key WS=KEY …]
                      [--cors] [--max-body-bytes N] [--clock MS]
                      [--version] [--help]

Serves every Model Studio OpenAI-compatible host (shared, workspace, trial, Coding Plan and
Token Plan domains, any workspace id) under a path prefix named by its hostname, e.g.
  http://127.0.0.1:PORT/coding-intl.dashscope.aliyuncs.com/v1/chat/completions
  http://127.0.0.1:PORT/llm-abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1/chat/completions
It prints "listening on http://H:P" on stdout (the host base URLs follow on stderr).
Stop with Ctrl-C (SIGINT) or SIGTERM.

  --port N                    port to listen on (default 0: a free port)
  --host H                    address to listen on (default 127.0.0.1)
  --coding-plan-client-gate   Coding Plan and Token Plan hosts answer 405 unless the User-Agent
                              names a coding agent
  --coding-plan-models LIST   models the Coding Plan hosts serve (default: the current list)
  --token-plan-models LIST    models the Token Plan hosts serve (default: the current list)
  --extra-models LIST         models the Standard hosts serve besides the catalog
  --workspace-key WS=KEY      bind KEY to workspace WS (repeatable): workspace domains then take
                              only their own workspace's keys, as Model Studio does
  --cors                      answer CORS preflights and allow any origin (browser tests)
  --max-body-bytes N          largest request body read (default 16777216); larger gets 413
  --clock MS                  a fixed clock (milliseconds since the epoch) that dates every reply
                              (created), for byte-identical runs; default the request's time
  --version, -v               print the version and exit
Fault rules can also be installed at run time: POST, GET and DELETE on
  http://H:P/__mock/faults (a JSON array of {fault, times?, match?}; see the package README).
Faults and reply sizes are chosen per request with the x-mock-fault, x-mock-chunks,
x-mock-reasoning-chunks and x-mock-tool-arguments-bytes headers (see the package README).`;

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** Reports a usage error on stderr and sets exit code 2. */
function usageError(message: string): void {
  process.stderr.write(`dashscope-mock: ${message}\n`);
  process.exitCode = 2;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (error) {
    return usageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.version === true) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const maxBody = values["max-body-bytes"];
  if (maxBody !== undefined && !/^\d+$/.test(maxBody)) {
    return usageError(`--max-body-bytes must be a whole number, got '${maxBody}'`);
  }
  const clock = values.clock;
  if (clock !== undefined && !/^\d+$/.test(clock)) {
    return usageError(`--clock must be a whole number of milliseconds since the epoch, got '${clock}'`);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    return usageError(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
  }
  const codingPlanModels = list(values["coding-plan-models"]);
  const tokenPlanModels = list(values["token-plan-models"]);
  const extraModels = list(values["extra-models"]);
  const workspaceKeys = bindings(values["workspace-key"]);
  if (typeof workspaceKeys === "string") {
    return usageError(`--workspace-key must be WORKSPACE=KEY, got '${workspaceKeys}'`);
  }
  const server = await startDashscopeMockServer({
    port,
    host: values.host,
    // A long-running server keeps no request log: nothing could read it and it would only grow.
    recorder: createRecorder({ limit: 0 }),
    codingPlanClientGate: values["coding-plan-client-gate"] === true,
    cors: values.cors === true,
    ...(maxBody === undefined ? {} : { maxRequestBodyBytes: Number(maxBody) }),
    ...(clock === undefined ? {} : { clock: () => Number(clock) }),
    ...(codingPlanModels === undefined ? {} : { codingPlanModels }),
    ...(tokenPlanModels === undefined ? {} : { tokenPlanModels }),
    ...(extraModels === undefined ? {} : { extraModels }),
    ...(workspaceKeys === undefined ? {} : { workspaceKeys }),
  });
  // stdout carries only the listening line, for scripts to read; a reader that closes the pipe
  // must not bring the server down. The base URLs are for people, on stderr.
  process.stdout.on("error", () => undefined);
  process.stdout.write(`listening on ${server.url}\n`);
  for (const line of hostLines(server.url)) process.stderr.write(`  ${line}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** `--workspace-key WS=KEY` values as workspace id → keys; the first malformed value's workspace part when one is bad. */
function bindings(values: readonly string[] | undefined): Record<string, string[]> | string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const book: Record<string, string[]> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const workspace = value.slice(0, Math.max(at, 0)).trim();
    const key = value.slice(at + 1).trim();
    // The key itself is never echoed: only what stands before the "=".
    if (at <= 0 || workspace === "" || key === "") return `${workspace || "?"}=…`;
    book[workspace] = [...(book[workspace] ?? []), key];
  }
  return book;
}

/** One base URL per family and region; workspace domains with a `{workspaceId}` placeholder (any id works). */
function hostLines(origin: string): string[] {
  return ENDPOINT_FAMILY_IDS.flatMap((family) => {
    const { regions, basePath } = ENDPOINT_FAMILIES[family];
    return regions.map((region) => `${origin}/${familyHost(family, region, "{workspaceId}")}${basePath}`);
  });
}

/** The package's version, from its manifest (shipped beside `dist/`). */
function version(): string {
  const manifest = createRequire(import.meta.url)("../package.json") as { version: string };
  return manifest.version;
}

function parse() {
  return parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "coding-plan-client-gate": { type: "boolean" },
      "coding-plan-models": { type: "string" },
      "token-plan-models": { type: "string" },
      "extra-models": { type: "string" },
      "workspace-key": { type: "string", multiple: true },
      cors: { type: "boolean" },
      "max-body-bytes": { type: "string" },
      clock: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
    allowPositionals: false,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`dashscope-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
