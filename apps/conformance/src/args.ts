import { parseArgs } from "node:util";

/** What the command line asked for. */
export interface CliOptions {
  readonly target: "mock" | "live" | "base-url";
  readonly baseUrl: string | undefined;
  readonly json: string | undefined;
  readonly junit: string | undefined;
  readonly hosts: readonly string[];
  readonly features: readonly string[];
  readonly cellTimeoutMs: number;
  readonly progress: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: qwenkit-conformance [options]

Checks qwenkit and DashScope's four OpenAI-compatible hosts, feature by feature.

Options:
  --target mock|live   mock (default): the embedded mock, in-process, no network.
                       live: the real hosts; needs QWEN_CONFORMANCE_LIVE=1 and a key per plan.
  --base-url URL       run against any server that serves each host under a path prefix named
                       by its hostname (the layout of the standalone dashscope-mock).
  --json FILE          write the results as JSON.
  --junit FILE         write the results as JUnit XML.
  --host ID            only this host (repeatable): standard-china, standard-global,
                       coding-china, coding-global.
  --feature ID         only this feature (repeatable).
  --timeout MS         per-cell time limit (default 30000).
  --no-progress        print only the final table.
  -h, --help           show this help.

Exit code: 0 when no cell failed, 1 when one did, 2 on bad usage.`;

/** Thrown for a command line that cannot be run. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Parses argv (without node and script). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const requested = values.target;
  if (requested !== undefined && requested !== "mock" && requested !== "live") {
    throw new UsageError(`--target must be "mock" or "live", not "${requested}"`);
  }
  if (values["base-url"] !== undefined && requested === "live") {
    throw new UsageError("--base-url and --target live are exclusive: --base-url names the server to test");
  }
  const timeout = values.timeout === undefined ? 30_000 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new UsageError(
      `--timeout must be a positive whole number of milliseconds, not "${values.timeout}"`,
    );
  }
  return {
    target: values["base-url"] !== undefined ? "base-url" : (requested ?? "mock"),
    baseUrl: values["base-url"],
    json: values.json,
    junit: values.junit,
    hosts: values.host ?? [],
    features: values.feature ?? [],
    cellTimeoutMs: timeout,
    progress: !values["no-progress"],
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      target: { type: "string" },
      "base-url": { type: "string" },
      json: { type: "string" },
      junit: { type: "string" },
      host: { type: "string", multiple: true },
      feature: { type: "string", multiple: true },
      timeout: { type: "string" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
