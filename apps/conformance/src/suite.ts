import { redactSecrets } from "@qwenkit/core/internal";
import { FEATURES } from "./features/index.js";
import { CONFORMANCE_HOSTS, type ConformanceHost, type HostId } from "./hosts.js";
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
  /** Sent as `User-Agent` on every request (default: the openai SDK's). */
  readonly userAgent?: string;
  /** Extra headers on every request; values of 8 characters or more are redacted from output. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A selected host that ran no cell, and why (a live run without opt-in or without its key). */
export interface HostNotRun {
  readonly host: HostId;
  readonly reason: string;
}

export interface ConformanceRun extends ConformanceReport {
  /** Set when cells were skipped for a reason the user can fix (live run without opt-in or keys). */
  readonly notice: string | undefined;
  readonly hosts: readonly ConformanceHost[];
  readonly features: readonly { readonly id: string; readonly title: string }[];
  /** Selected hosts that ran nothing; a live run that lists every host here sent no request. */
  readonly notRun: readonly HostNotRun[];
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

/**
 * Removes every secret, and anything shaped like a DashScope key, from a line of output (core's
 * one redaction rule: secrets shorter than eight characters are left, they would mask words).
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  return (text) => redactSecrets(text, secrets);
}

/**
 * Runs the conformance matrix (every feature on every host) against the embedded mock, live
 * hosts, or a server at a base URL. Never throws for a failing cell: failures are results.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const hosts = pick(CONFORMANCE_HOSTS, options.hosts, "host");
  const features = pick(FEATURES, options.features, "feature");
  const headers = { ...options.headers, ...(options.userAgent && { "user-agent": options.userAgent }) };
  const target = prepareTarget(options.target, headers);
  const notRun: HostNotRun[] = [];
  try {
    const results = await runMatrix({
      hosts,
      features,
      setup: (host) => {
        const setup = target.setup(host);
        if ("skip" in setup) notRun.push({ host: host.id, reason: setup.skip });
        return setup;
      },
      cellTimeoutMs: options.cellTimeoutMs ?? 30_000,
      redact: redactor([...target.secrets, ...Object.values(options.headers ?? {})]),
      ...(options.onCell && { onCell: options.onCell }),
    });
    return {
      target: target.kind,
      results,
      notice: target.notice,
      hosts,
      features: features.map(({ id, title }) => ({ id, title })),
      notRun,
    };
  } finally {
    await target.close();
  }
}
