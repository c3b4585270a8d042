/**
 * `@qwenkit/core/internal`: what qwenkit's own packages share and applications should not rely
 * on. No semver promise: names here change in any release. Today: the one redaction rule every
 * package masks secrets with, and where text may be cut without splitting a character.
 *
 * @packageDocumentation
 */
export {
  looksLikeKey,
  maskCredential,
  type RedactOptions,
  redactError,
  redactSecrets,
  redactValue,
} from "./redact.js";
export { isHighSurrogate } from "./surrogate.js";
