import { redactError, redactValue } from "@qwenkit/core/internal";
import type { QwenErrorContext } from "./context.js";
import { hintFor, QWEN_API_ERROR_KINDS, type QwenApiErrorKind } from "./kinds.js";
import { QwenApiError } from "./qwen-api-error.js";
import { wireMessage } from "./wire-text.js";

/** Extra facts of a local failure that came with a response (a redirect, an oversized or corrupt body). */
export interface LocalErrorFacts {
  readonly status?: number | undefined;
  /** The failure's own words; default the cause's message. */
  readonly detail?: string | undefined;
}

/**
 * A {@link QwenApiError} for a failure qwenkit detected itself (timeout, connection, abort, broken
 * or oversized stream, refused redirect). The cause is kept with its whole graph redacted: a
 * custom `fetch`'s error may carry the key in any field.
 */
export function localError(
  kind: QwenApiErrorKind,
  context: QwenErrorContext = {},
  cause?: unknown,
  facts: LocalErrorFacts = {},
): QwenApiError {
  const { status } = facts;
  const hint = hintFor(kind, { context, message: undefined, status, quotaWindow: undefined });
  const detail = wireMessage(
    facts.detail ?? (cause instanceof Error ? cause.message : undefined),
    context.secrets,
  );
  return new QwenApiError({
    kind,
    message: `${status === undefined ? "" : `${status} `}${detail ? `${detail} — ` : ""}${hint}`,
    hint,
    retryable: QWEN_API_ERROR_KINDS[kind].retryable,
    status,
    cause:
      cause === undefined
        ? undefined
        : cause instanceof Error
          ? redactError(cause, context.secrets)
          : redactValue(cause, context.secrets),
  });
}
