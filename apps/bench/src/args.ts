import { parseArgs } from "node:util";

export const USAGE = `Usage: pnpm bench [--json FILE] [--check]

Measures, on the same mock streams, two floors (the split floor: fetch + SSE line split; the
parse floor: the same plus JSON.parse of every frame, what any client must do), the raw openai
SDK, @qwenkit/provider and the Vercel AI SDK with @ai-sdk/alibaba: one long stream, many short
requests and a tool call with large arguments, in-process (msw) and over loopback HTTP; then
the provider's memory over a 1,000,000-chunk stream, the import times of @qwenkit/core,
@qwenkit/provider and openai, and the standalone mock's throughput. Prints a table per
workload and the targets.

  --json FILE   also write the results as JSON
  --check       exit 1 when a target is missed
  -h, --help    this help`;

export interface BenchArgs {
  readonly json: string | undefined;
  readonly check: boolean;
  readonly help: boolean;
}

/** Reads the command line; throws a `TypeError` naming the problem for anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.json === "") throw new TypeError("--json needs a file name");
  return { json: values.json, check: values.check, help: values.help };
}
