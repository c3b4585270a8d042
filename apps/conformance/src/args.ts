import { parseArgs } from "node:util";
import { HeaderError, parseHeaderArgument, parseHeaderList } from "./headers.js";

/** What the command line (and its environment variables) asked for. */
export interface CliOptions {
  readonly target: "mock" | "live" | "base-url";
  readonly baseUrl: string | undefined;
  readonly json: string | undefined;
  readonly junit: string | undefined;
  readonly hosts: readonly string[];
  readonly features: readonly string[];
  readonly cellTimeoutMs: number;
  readonly progress: boolean;
  /** Exit 1 when a live run left a selected host unrun (no opt-in, no key). */
  readonly requireLive: boolean;
  /** Sent as `User-Agent` on every request; `undefined` keeps the openai SDK's. */
  readonly userAgent: string | undefined;
  /** Extra headers on every request, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly help: boolean;
  readonly version: boolean;
}

/** The environment variables the command line reads; a flag wins over its variable. */
export const CLI_ENV = {
  requireLive: "QWEN_CONFORMANCE_REQUIRE_LIVE",
  userAgent: "QWEN_CONFORMANCE_USER_AGENT",
  headers: "QWEN_CONFORMANCE_HEADERS",
} as const;

export const USAGE = `Usage: qwenkit-conformance [options]

Checks qwenkit and DashScope's OpenAI-compatible hosts, feature by feature.

Options:
  --target mock|live   mock (default): the embedded mock, in-process, no network.
                       live: the real hosts; needs QWEN_CONFORMANCE_LIVE=1 and a key per host.
  --base-url URL       run against any server that serves each host under a path prefix named
                       by its hostname (the layout of the standalone dashscope-mock).
  --require-live       with --target live: exit 1 unless every selected host ran (a CI job must
                       not pass on a run that sent nothing). Env: ${CLI_ENV.requireLive}=1.
  --user-agent TEXT    the User-Agent of every request. Env: ${CLI_ENV.userAgent}.
  --header NAME=VALUE  an extra header on every request (repeatable; Authorization is not
                       allowed). Env: ${CLI_ENV.headers}=name=value,name=value (values
                       percent-encoded); --header wins for the same name.
  --json FILE          write the results as JSON.
  --junit FILE         write the results as JUnit XML.
  --host ID            only this host (repeatable): <family>-<region>, e.g. dashscope-cn-beijing,
                       workspace-eu-central-1, trial-ap-southeast-1, coding-plan-cn-beijing,
                       token-plan-ap-southeast-1 (the table's columns list them all).
  --feature ID         only this feature (repeatable).
  --timeout MS         per-cell time limit (default 30000).
  --no-progress        print only the final table.
  --version            print the version.
  -h, --help           show this help.

Exit code: 0 when no cell failed, 1 when one did (or --require-live found hosts that did not
run), 2 on bad usage.`;

/** Thrown for a command line that cannot be run. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** `1`, `true` and `yes` (any case) turn a boolean variable on; anything else leaves it off. */
const envFlag = (value: string | undefined) => /^(1|true|yes)$/i.test(value?.trim() ?? "");

function headersOf(flags: readonly string[], variable: string | undefined): Readonly<Record<string, string>> {
  try {
    return Object.fromEntries([
      ...parseHeaderList(variable ?? "", CLI_ENV.headers),
      ...flags.map(parseHeaderArgument),
    ]);
  } catch (error) {
    if (error instanceof HeaderError) throw new UsageError(error.message);
    throw error;
  }
}

/** Parses argv (without node and script) and the variables of {@link CLI_ENV} in `env`. */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliOptions {
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
  const target = values["base-url"] !== undefined ? "base-url" : (requested ?? "mock");
  const requireLive = values["require-live"] ?? envFlag(env[CLI_ENV.requireLive]);
  if (values["require-live"] && target !== "live") {
    throw new UsageError("--require-live needs --target live");
  }
  const userAgent = (values["user-agent"] ?? env[CLI_ENV.userAgent])?.trim() || undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (userAgent !== undefined && /[\u0000-\u001f\u007f]/.test(userAgent)) {
    throw new UsageError("--user-agent contains a control character");
  }
  return {
    target,
    baseUrl: values["base-url"],
    json: values.json,
    junit: values.junit,
    hosts: values.host ?? [],
    features: values.feature ?? [],
    cellTimeoutMs: timeout,
    progress: !values["no-progress"],
    // The variable is for CI's live job; it must not break a mock run in the same environment.
    requireLive: requireLive && target === "live",
    userAgent,
    headers: headersOf(values.header ?? [], env[CLI_ENV.headers]),
    help: values.help ?? false,
    version: values.version ?? false,
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
      "require-live": { type: "boolean" },
      "user-agent": { type: "string" },
      header: { type: "string", multiple: true },
      json: { type: "string" },
      junit: { type: "string" },
      host: { type: "string", multiple: true },
      feature: { type: "string", multiple: true },
      timeout: { type: "string" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
}
