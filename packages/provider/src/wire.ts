/**
 * The parts of DashScope's OpenAI-compatible wire format qwenkit reads. Every field is optional
 * and nullable because chunks and bodies are parsed JSON from the network: code reading them must
 * cope with a field that is missing, `null`, or (as with the usage frame's `choices: []`) empty.
 */

/** A tool-call fragment inside a streamed delta. Follow-up fragments repeat `"id": ""`. */
export interface WireToolCallDelta {
  readonly index?: number | null;
  readonly id?: string | null;
  readonly type?: string | null;
  readonly function?: { readonly name?: string | null; readonly arguments?: string | null } | null;
}

/** A streamed delta; `reasoning_content` is DashScope's extension for thinking models. */
export interface WireDelta {
  readonly role?: string | null;
  readonly content?: string | null;
  readonly reasoning_content?: string | null;
  readonly tool_calls?: readonly WireToolCallDelta[] | null;
}

/** One choice of a streamed chunk. */
export interface WireChunkChoice {
  readonly index?: number | null;
  readonly delta?: WireDelta | null;
  readonly finish_reason?: string | null;
}

/** A parsed `chat.completion.chunk` frame (`data: {...}`). */
export interface WireChunk {
  readonly id?: string | null;
  readonly model?: string | null;
  readonly choices?: readonly WireChunkChoice[] | null;
  readonly usage?: unknown;
}

/** A complete tool call in a non-streaming response. */
export interface WireToolCall {
  readonly id?: string | null;
  readonly type?: string | null;
  readonly function?: { readonly name?: string | null; readonly arguments?: string | null } | null;
}

/** The assistant message of a non-streaming response. */
export interface WireMessage {
  readonly content?: string | null;
  readonly reasoning_content?: string | null;
  readonly tool_calls?: readonly WireToolCall[] | null;
}

/** A parsed non-streaming `chat.completion` body. */
export interface WireCompletion {
  readonly id?: string | null;
  readonly model?: string | null;
  readonly choices?:
    | readonly {
        readonly index?: number | null;
        readonly message?: WireMessage | null;
        readonly finish_reason?: string | null;
      }[]
    | null;
  readonly usage?: unknown;
}

/** A string with at least one character (wire fields use `""` and `null` for "nothing"). */
export const nonEmpty = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.length > 0;
