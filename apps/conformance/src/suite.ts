import { maskApiKey } from "@qwenkit/core";
import { FEATURES } from "./features/index.js";
import { CONFORMANCE_HOSTS, type ConformanceHost } from "./hosts.js";
import type { CellResult, ConformanceReport } from "./result.js";
import { runMatrix } from "./runner.js";
import { prepareTarget, type TargetSpec } from "./targets.js";

export interface ConformanceOptions {
  readonly target: TargetSpec;
  /** Host ids to run (default all four). */
  readonly hosts?: readonly string[];
  /** Feature ids to run (default all). */
  readonly features?: readonly string[];
  /** Per-cell time limit in milliseconds (default 30000). */
  readonly cellTimeoutMs?: number;
  /** Called as each cell finishes. */
  readonly onCell?: (result: CellResult) => void;
}

export interface ConformanceRun extends ConformanceReport {
  /** Set when cells were skipped for a reason the user can fix (live run without opt-in or keys). */
  readonly notice: string | undefined;
  readonly hosts: readonly ConformanceHost[];
  readonly features: readonly { readonly id: string; readonly title: string }[];
}

/** Thrown for a host or feature id that does not exist. */
export class UnknownIdError extends Error {
  override readonly name = "UnknownIdError";
}

function pick<T extends { readonly id: string }>(
  all: readonly T[],
  ids: readonly string[] | undefined,
  what: string,
) {
  if (ids === undefined || ids.length === 0) return all;
  const unknown = ids.filter((id) => !all.some((item) => item.id === id));
  if (unknown.length > 0) {
    throw new UnknownIdError(
      `unknown ${what} ${unknown.join(", ")}; known: ${all.map((i) => i.id).join(", ")}`,
    );
  }
  return all.filter((item) => ids.includes(item.id));
}

/** Removes every secret, and anything shaped like a DashScope key, from a line of output. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  return (text) => {
    let out = text;
    for (const secret of secrets) if (secret) out = out.replaceAll(secret, maskApiKey(secret));
    return out.replace(/\bsk-(?:sp-)?[A-Za-z0-9]{12,}\b/g, (key) => maskApiKey(key));
  };
}

/**
 * Runs the conformance matrix (every feature on every host) against the embedded mock, live
 * hosts, or a server at a base URL. Never throws for a failing cell: failures are results.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const hosts = pick(CONFORMANCE_HOSTS, options.hosts, "host");
  const features = pick(FEATURES, options.features, "feature");
  const target = prepareTarget(options.target);
  try {
    const results = await runMatrix({
      hosts,
      features,
      setup: (host) => target.setup(host),
      cellTimeoutMs: options.cellTimeoutMs ?? 30_000,
      redact: redactor(target.secrets),
      ...(options.onCell && { onCell: options.onCell }),
    });
    return {
      target: target.kind,
      results,
      notice: target.notice,
      hosts,
      features: features.map(({ id, title }) => ({ id, title })),
    };
  } finally {
    await target.close();
  }
}
