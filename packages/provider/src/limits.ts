const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Every bound qwenkit puts on what a server sends, in one place. Sizes count decoded text (after
 * `content-encoding` such as gzip is undone), so a small compressed body cannot expand past them.
 * RELIABILITY.md lists each limit with the hostile inputs tried against it.
 */
export const LIMITS = {
  /**
   * Longest SSE line, in UTF-16 code units of decoded text (at most as many as its UTF-8 bytes).
   * DashScope's frames are a few KiB; even a 1 MiB tool-call argument sent in one frame, fully
   * JSON-escaped, stays under a quarter of it.
   */
  sseLineLength: 8 * MiB,
  /** Longest SSE record: all `data:` lines of one event, joined. */
  sseRecordLength: 8 * MiB,
  /** Largest non-streaming success body, in decoded bytes. A full 128K-token answer is ~1 MiB. */
  jsonBodyBytes: 32 * MiB,
  /** How much of an error (non-2xx) body is read, in decoded bytes; the rest is cancelled unread. */
  errorBodyBytes: 64 * KiB,
  /** Longest error message kept from the wire, in characters; longer ones end in an ellipsis (U+2026). */
  wireMessageLength: 2_000,
  /** Longest short wire field kept (`code`, `type`, `param`, request ids, chunk `id` and `model`). */
  wireFieldLength: 256,
  /** Same-origin redirects followed per request (307 and 308 only). */
  redirects: 5,
  /** Longest delay a timer can wait in Node.js (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
  timerMs: 2 ** 31 - 1,
} as const;

/** A size limit as people write it: `8 MiB`, `64 KiB`, `2000`. */
export function describeSize(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return String(bytes);
}
