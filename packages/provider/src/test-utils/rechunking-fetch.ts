/**
 * A `fetch` that answers every request with `body` as a 200 `text/event-stream`, delivered in
 * pieces cut at `cuts` (byte offsets, any order, duplicates allowed). No network involved.
 */
export function rechunkingFetch(
  body: Uint8Array,
  cuts: readonly number[],
  headers: Record<string, string> = {},
) {
  const offsets = [
    ...new Set([0, ...cuts.map((cut) => Math.min(Math.max(cut, 0), body.length)), body.length]),
  ].sort((a, b) => a - b);
  return async (): Promise<Response> => {
    let next = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const start = offsets[next];
        const end = offsets[next + 1];
        next += 1;
        if (start === undefined || end === undefined) {
          controller.close();
          return;
        }
        controller.enqueue(body.slice(start, end));
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { "content-type": "text/event-stream", ...headers },
    });
  };
}
