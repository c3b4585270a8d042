import type { ConformanceHost } from "./hosts.js";
import { type CellResult, SkipCell } from "./result.js";

/** A column of the matrix: one behaviour checked on every host. */
export interface Feature<Context> {
  readonly id: string;
  readonly title: string;
  /** Resolves to a one-line detail on success; throws to fail, or throws {@link SkipCell} to skip. */
  run(context: Context, signal: AbortSignal): Promise<string>;
}

/** Per-host set-up: the context every feature gets, or why the whole host is skipped. */
export type HostSetup<Context> = { readonly context: Context } | { readonly skip: string };

export interface RunMatrixOptions<Context> {
  readonly hosts: readonly ConformanceHost[];
  readonly features: readonly Feature<Context>[];
  readonly setup: (host: ConformanceHost) => HostSetup<Context>;
  /** A cell that takes longer fails, so a hung request can never hang the suite. */
  readonly cellTimeoutMs: number;
  /** Removes secrets from anything a cell reports. */
  readonly redact: (text: string) => string;
  readonly onCell?: (result: CellResult) => void;
}

/** Runs every feature on every host, one cell at a time, and never throws for a cell. */
export async function runMatrix<Context>(options: RunMatrixOptions<Context>): Promise<CellResult[]> {
  const results: CellResult[] = [];
  for (const host of options.hosts) {
    const setup = options.setup(host);
    for (const feature of options.features) {
      const result =
        "skip" in setup
          ? { host: host.id, feature: feature.id, status: "skip" as const, ms: 0, detail: setup.skip }
          : await runCell(host, feature, setup.context, options);
      results.push(result);
      options.onCell?.(result);
    }
  }
  return results;
}

async function runCell<Context>(
  host: ConformanceHost,
  feature: Feature<Context>,
  context: Context,
  options: RunMatrixOptions<Context>,
): Promise<CellResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${options.cellTimeoutMs} ms`));
    }, options.cellTimeoutMs);
  });
  const started = performance.now();
  const cell = (status: CellResult["status"], detail: string): CellResult => ({
    host: host.id,
    feature: feature.id,
    status,
    ms: Math.round(performance.now() - started),
    detail: options.redact(detail),
  });
  try {
    const detail = await Promise.race([feature.run(context, controller.signal), timeout]);
    return cell("pass", detail);
  } catch (error) {
    if (error instanceof SkipCell) return cell("skip", error.message);
    return cell("fail", describeError(error));
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return typeof kind === "string"
      ? `${error.name} (${kind}): ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
