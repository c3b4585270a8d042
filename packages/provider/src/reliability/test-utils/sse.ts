import type { DashScopeChunk, Received } from "@qwenkit/core/wire";
import type { QwenChatResult } from "../../result.js";
import { StreamAssembler } from "../../stream-assembler.js";
import type { QwenStreamEvent } from "../../stream-events.js";

type WireChunk = Received<DashScopeChunk>;

/** What a crafted stream says: text, reasoning and tool-call pieces, a finish, usage, `[DONE]`. */
export interface CraftedStream {
  readonly reasoning?: readonly string[];
  readonly text: readonly string[];
  readonly toolArguments?: readonly string[];
  readonly finishReason?: "stop" | "length" | "tool_calls";
  /** A usage frame (`choices: []`) after the finish frame. */
  readonly usage?: boolean;
  /** How many `data: [DONE]` frames end the stream (DashScope sends one). */
  readonly doneCount?: number;
  /** The SSE line ending (DashScope sends `\n`; the SSE format also allows `\r\n`). */
  readonly lineEnding?: "\n" | "\r\n";
}

const ID = "chatcmpl-0b9f079d-c440-9fc5-b179-8f576ad653a8";
const USAGE = { prompt_tokens: 22, completion_tokens: 17, total_tokens: 39 };

const chunk = (choices: unknown[], usage: unknown = null): WireChunk =>
  ({
    choices: choices as WireChunk["choices"],
    object: "chat.completion.chunk",
    usage,
    created: 1_726_132_850,
    system_fingerprint: null,
    model: "qwen-plus",
    id: ID,
  }) as WireChunk;

const delta = (value: Record<string, unknown>, finishReason: string | null = null) => ({
  delta: value,
  finish_reason: finishReason,
  index: 0,
  logprobs: null,
});

/** The frames DashScope would send for `stream`, in DashScope's shape and order. */
export function craftedChunks(stream: CraftedStream): WireChunk[] {
  const chunks: WireChunk[] = [chunk([delta({ content: "", role: "assistant" })])];
  for (const piece of stream.reasoning ?? [])
    chunks.push(chunk([delta({ content: null, reasoning_content: piece })]));
  for (const piece of stream.text) chunks.push(chunk([delta({ content: piece, reasoning_content: null })]));
  (stream.toolArguments ?? []).forEach((piece, index) => {
    const first = index === 0;
    chunks.push(
      chunk([
        delta({
          content: null,
          tool_calls: [
            {
              index: 0,
              id: first ? "call_0bdcc155f2534f65a05cb1" : "",
              type: "function",
              function: first ? { name: "get_current_weather", arguments: piece } : { arguments: piece },
            },
          ],
        }),
      ]),
    );
  });
  if (stream.finishReason !== undefined) chunks.push(chunk([delta({ content: "" }, stream.finishReason)]));
  if (stream.usage) chunks.push(chunk([], USAGE));
  return chunks;
}

/** `stream` as the bytes of an SSE body. */
export function craftedBytes(stream: CraftedStream): Uint8Array {
  const eol = stream.lineEnding ?? "\n";
  const frames = craftedChunks(stream).map((value) => `data: ${JSON.stringify(value)}${eol}${eol}`);
  for (let done = 0; done < (stream.doneCount ?? 1); done += 1) frames.push(`data: [DONE]${eol}${eol}`);
  return new TextEncoder().encode(frames.join(""));
}

/** Cuts `bytes` at the given offsets (any order, duplicates and out-of-range values allowed). */
export function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const offsets = [
    ...new Set([0, ...cuts.map((cut) => Math.min(Math.max(cut, 0), bytes.length)), bytes.length]),
  ].sort((a, b) => a - b);
  return offsets.slice(1).map((end, index) => bytes.slice(offsets[index], end));
}

/** What the stream assembler makes of `stream`'s frames fed whole: the outcome every delivery must match. */
export function assembledWhole(stream: CraftedStream): { events: QwenStreamEvent[]; result: QwenChatResult } {
  const assembler = new StreamAssembler();
  const events = craftedChunks(stream).flatMap((chunk) => assembler.push(chunk));
  events.push(...assembler.end());
  return { events, result: assembler.snapshot() };
}

/** A short reply with characters of two, three and four UTF-8 bytes (and a variation selector). */
export const UNICODE_STREAM: CraftedStream = {
  text: ["杭州", "今天", "🌧️ rain, ", "é", "𝄞", " 日本語 ok"],
  finishReason: "stop",
  usage: true,
};
