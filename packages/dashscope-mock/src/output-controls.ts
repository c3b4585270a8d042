import { MockControlError } from "./control-error.js";

/** Request headers that size the mock's reply exactly (benchmarks, limits tests). */
export const CONTROL_HEADERS = {
  /** Exactly N content chunks (N >= 0). */
  chunks: "x-mock-chunks",
  /** Exactly N reasoning chunks when the request thinks (N >= 1; the first carries the role). */
  reasoningChunks: "x-mock-reasoning-chunks",
  /** Tool-call arguments of exactly N bytes (at least the smallest JSON object with one key). */
  toolArgumentsBytes: "x-mock-tool-arguments-bytes",
  /** Report N prompt tokens (at most all of them) as read from the context cache. */
  cachedTokens: "x-mock-cached-tokens",
} as const;

/** Largest tool-call arguments the mock builds (they are held in memory). */
export const MAX_TOOL_ARGUMENTS_BYTES = 64 * 1024 * 1024;

/** What the control headers asked for; absent fields keep the default reply. */
export interface OutputControls {
  readonly chunks?: number;
  readonly reasoningChunks?: number;
  readonly toolArgumentsBytes?: number;
  readonly cachedTokens?: number;
}

function whole(header: string, value: string, minimum: number, maximum: number): number {
  const trimmed = value.trim();
  const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
    throw new MockControlError(
      header,
      `expected a whole number from ${minimum} to ${maximum}, got '${value}'`,
    );
  }
  return parsed;
}

/** Reads the control headers; throws {@link MockControlError} on a malformed value. */
export function parseOutputControls(header: (name: string) => string | null): OutputControls {
  const chunks = header(CONTROL_HEADERS.chunks);
  const reasoning = header(CONTROL_HEADERS.reasoningChunks);
  const toolBytes = header(CONTROL_HEADERS.toolArgumentsBytes);
  const cached = header(CONTROL_HEADERS.cachedTokens);
  return {
    ...(chunks === null ? {} : { chunks: whole(CONTROL_HEADERS.chunks, chunks, 0, Number.MAX_SAFE_INTEGER) }),
    ...(reasoning === null
      ? {}
      : { reasoningChunks: whole(CONTROL_HEADERS.reasoningChunks, reasoning, 1, Number.MAX_SAFE_INTEGER) }),
    ...(toolBytes === null
      ? {}
      : {
          toolArgumentsBytes: whole(
            CONTROL_HEADERS.toolArgumentsBytes,
            toolBytes,
            0,
            MAX_TOOL_ARGUMENTS_BYTES,
          ),
        }),
    ...(cached === null
      ? {}
      : { cachedTokens: whole(CONTROL_HEADERS.cachedTokens, cached, 0, Number.MAX_SAFE_INTEGER) }),
  };
}
