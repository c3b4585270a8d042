/**
 * The fixed strings of DashScope's OpenAI-compatible wire format, as Alibaba Cloud Model Studio's
 * docs and the captures in the repository's `fixtures/wire/` show them (see `docs/dashscope.md`).
 */

/** `object` of every streamed frame. */
export const CHUNK_OBJECT = "chat.completion.chunk";

/** `object` of a non-streamed body. */
export const COMPLETION_OBJECT = "chat.completion";

/** The payload of the last frame of a stream: `data: [DONE]`. */
export const SSE_DONE = "[DONE]";

/** Every frame is one line `data: <payload>` followed by a blank line; no `event:` or `id:` lines. */
export const SSE_DATA_PREFIX = "data: ";

/** The response header carrying the request's UUID. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A completion's `id` is `chatcmpl-` followed by the request's UUID (`x-request-id`). */
export const COMPLETION_ID_PREFIX = "chatcmpl-";

/** A tool call's `id` on its first delta is `call_` followed by hex digits; later deltas send `""`. */
export const TOOL_CALL_ID_PREFIX = "call_";

/** The only tool-call `type`, repeated on every tool-call delta. */
export const TOOL_CALL_TYPE = "function";

/** Why a choice finished; sent in a frame of its own, with an empty delta. */
export const FINISH_REASONS = ["stop", "length", "tool_calls"] as const;

/** One of {@link FINISH_REASONS}. */
export type DashScopeFinishReason = (typeof FINISH_REASONS)[number];
