/**
 * Aborts `target` with the reason of the first of `sources` to abort (at once if one already
 * has) and returns the function that stops listening; `undefined` sources are skipped.
 *
 * Used instead of `AbortSignal.any`, whose combined signal Node.js tracks through weak
 * references and a finalization registry: on a short streamed request that bookkeeping cost more
 * than the rest of qwenkit's own per-request work.
 */
export function linkAbort(
  target: AbortController,
  sources: readonly (AbortSignal | undefined)[],
): () => void {
  const aborted = sources.find((source) => source?.aborted === true);
  if (aborted !== undefined) {
    target.abort(aborted.reason);
    return noop;
  }
  const listeners: { readonly source: AbortSignal; readonly listener: () => void }[] = [];
  const unlink = () => {
    for (const { source, listener } of listeners) source.removeEventListener("abort", listener);
    listeners.length = 0;
  };
  for (const source of sources) {
    if (source === undefined) continue;
    const listener = () => {
      unlink();
      target.abort(source.reason);
    };
    source.addEventListener("abort", listener);
    listeners.push({ source, listener });
  }
  return unlink;
}

const noop = () => undefined;
