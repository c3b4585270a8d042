import type { SharedV4ProviderMetadata, SharedV4Warning } from "@ai-sdk/provider";

/**
 * A note qwenkit made about a call before it was sent: from resolving the configuration (a key
 * that does not fit the plan, a model outside the plan's list, …) or from shaping the request
 * (thinking turned off for JSON mode, `reasoning_effort` mapped, …).
 */
export interface QwenNote {
  readonly code: string;
  readonly message: string;
}

/**
 * What `providerMetadata.qwen` holds on every result and finish part: the request id (quote it to
 * Alibaba Cloud support) and qwenkit's notes about the call.
 */
export interface QwenProviderMetadata {
  readonly requestId?: string;
  readonly warnings: readonly QwenNote[];
}

/** `providerMetadata` of a call, keyed `qwen`. */
export function qwenProviderMetadata(
  requestId: string | undefined,
  notes: readonly QwenNote[],
): SharedV4ProviderMetadata {
  const warnings = notes.map(({ code, message }) => ({ code, message }));
  return { qwen: requestId === undefined ? { warnings } : { requestId, warnings } };
}

/** A qwenkit note as an AI SDK warning, so the AI SDK's warning log shows it too. */
export function noteWarning(note: QwenNote): SharedV4Warning {
  return { type: "other", message: `qwen ${note.code}: ${note.message}` };
}
