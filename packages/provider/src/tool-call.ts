/** The outcome of parsing a tool call's JSON arguments; a parse failure is reported, not thrown. */
export type QwenToolArguments =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

/** A complete function tool call requested by the model. */
export interface QwenToolCall {
  /** Position of the call in the response (the wire `index`). */
  readonly index: number;
  /** `call_<hex>` as DashScope sent it. */
  readonly id: string;
  readonly name: string;
  /** The raw arguments text, all fragments concatenated. */
  readonly arguments: string;
  /** `arguments` parsed as JSON. An empty string parses to `{}` (a call without parameters). */
  readonly parsed: QwenToolArguments;
}

/** Parses tool-call arguments without throwing. */
export function parseToolArguments(text: string): QwenToolArguments {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
