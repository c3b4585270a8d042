/** One event of an SSE body: its `data:` payload. */
export type SseEvent =
  | { readonly kind: "done" }
  | { readonly kind: "json"; readonly value: unknown; readonly raw: string };

/**
 * Splits an SSE body into its events. Throws on anything DashScope never sends (`event:`/`id:`
 * lines, several data lines per event, a trailing partial event), so tests notice framing bugs.
 */
export function parseSse(text: string): SseEvent[] {
  const blocks = text.split("\n\n");
  const tail = blocks.pop();
  if (tail !== "") throw new Error(`partial event at the end: ${JSON.stringify(tail)}`);
  return blocks.map((block) => {
    if (!block.startsWith("data: ") || block.includes("\n"))
      throw new Error(`not a single data line: ${block}`);
    const data = block.slice("data: ".length);
    return data === "[DONE]"
      ? { kind: "done" }
      : { kind: "json", value: JSON.parse(data) as unknown, raw: data };
  });
}

/**
 * The structure of a JSON value: objects as their keys in order with the shapes of their values,
 * arrays as the shapes of their items, and leaves as their type, with `null` and the empty string
 * kept apart (they are what DashScope's frames are picky about).
 */
export function shapeOf(value: unknown): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === "object") return Object.entries(value).map(([key, item]) => [key, shapeOf(item)]);
  if (value === "") return "empty-string";
  return typeof value;
}

/** The events of a streamed body, read fully. */
export async function readSse(response: Response): Promise<SseEvent[]> {
  return parseSse(await response.text());
}

/** The JSON frames of a streamed body (everything but `[DONE]`). */
export function jsonFrames(events: readonly SseEvent[]): Record<string, unknown>[] {
  return events.flatMap((event) => (event.kind === "json" ? [event.value as Record<string, unknown>] : []));
}

/** Counts the events of a streamed body while reading it, without keeping the text. */
export async function countEvents(response: Response): Promise<number> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let events = 0;
  let carry = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    const text = carry + decoder.decode(value, { stream: true });
    const parts = text.split("\n\n");
    carry = parts.pop() ?? "";
    events += parts.length;
  }
}
