import { QwenApiError } from "@qwenkit/provider";
import { CheckFailed } from "../context.js";

/** Tiny prompts and token limits: live runs cost next to nothing. */
export const MAX_TOKENS = 32;
export const HELLO = [{ role: "user" as const, content: "Say hello in three words." }];

/** The smallest useful request: a few words in, at most {@link MAX_TOKENS} out, no thinking. */
export const TINY_REQUEST = { messages: HELLO, max_tokens: MAX_TOKENS, thinking: { enabled: false } };

/** The error a call rejected with, or a failed check when it did not reject. */
export async function rejection(promise: Promise<unknown>, expected: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new CheckFailed(`expected ${expected}, but the call succeeded`);
}

/** Narrows an error to a QwenApiError of one kind, or fails the check with what it was instead. */
export function apiErrorOfKind(error: unknown, kind: QwenApiError["kind"]): QwenApiError {
  if (error instanceof QwenApiError && error.kind === kind) return error;
  const what = error instanceof QwenApiError ? `QwenApiError ${error.kind} (${error.status})` : String(error);
  throw new CheckFailed(`expected a QwenApiError of kind ${kind}, got ${what}`);
}
