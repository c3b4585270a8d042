import type { ResolvedQwenConfig, ResolveQwenConfigOptions } from "@qwenkit/core";
import type { QwenProvider, QwenProviderOptions } from "@qwenkit/provider";
import type { ConformanceHost } from "./hosts.js";
import type { TargetKind } from "./result.js";

/** What every feature check gets for one host. */
export interface HostContext {
  readonly host: ConformanceHost;
  readonly target: TargetKind;
  /** Provider options that reach this host with a key it accepts. */
  readonly options: QwenProviderOptions;
  /** Builds a provider for this host, with overrides (another key, model, …). */
  provider(overrides?: Partial<QwenProviderOptions>): QwenProvider;
  /**
   * What qwenkit resolves for this host's auth choice before any request. Pre-request checks use
   * it, so they hold even when the target serves the host from a custom base URL.
   */
  resolveNative(overrides?: Partial<ResolveQwenConfigOptions>): ResolvedQwenConfig;
  /** A well-formed key of the other plan, which this host must refuse. */
  readonly wrongPlanKey: string;
  /** Per-call headers that make the mock stream longer and slower; real hosts ignore them. */
  readonly longStreamHeaders: Readonly<Record<string, string>>;
}

/** Thrown by a check whose expectation failed; its message is the cell's one-line detail. */
export class CheckFailed extends Error {
  override readonly name = "CheckFailed";
}

/** Fails the cell with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}
