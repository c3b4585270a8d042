/** The fields of a `chat.completion.chunk` frame the parse floor reads. */
interface TalliedFrame {
  readonly choices?: readonly {
    readonly delta?: { readonly content?: string | null; readonly tool_calls?: readonly unknown[] };
  }[];
  readonly usage?: { readonly completion_tokens?: number } | null;
}

/**
 * What the parse floor keeps of a stream: the deltas counted from each parsed frame's first
 * choice (a content chunk, or each tool-call fragment) and the usage frame's completion tokens.
 * Property reads only: no text is built, no event made.
 */
export class FrameTally {
  deltas = 0;
  outputTokens: number | undefined;

  /** Counts one frame's payload, parsed with `JSON.parse` (a malformed frame throws). */
  add(payload: string): void {
    const frame = JSON.parse(payload) as TalliedFrame;
    const delta = frame.choices?.[0]?.delta;
    if (delta?.content) this.deltas += 1;
    if (delta?.tool_calls) this.deltas += delta.tool_calls.length;
    if (typeof frame.usage?.completion_tokens === "number") this.outputTokens = frame.usage.completion_tokens;
  }
}
