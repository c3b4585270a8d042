import type { LanguageModelV4StreamPart, SharedV4ProviderMetadata } from "@ai-sdk/provider";
import type { QwenChatResult, QwenFinishReason, QwenStreamEvent, QwenUsage } from "@qwenkit/provider";
import { toResponseMetadata, toToolCallPart } from "./content.js";
import { toFinishReason } from "./finish-reason.js";
import { toUsage } from "./usage.js";

type Enqueue = (part: LanguageModelV4StreamPart) => void;

/** A tool call's id, or one made from its position when the server sent none. */
const callId = (id: string, index: number) => (id === "" ? `call-${index}` : id);

/**
 * Turns qwenkit's stream events into the AI SDK's stream parts, in order: text and reasoning as
 * start/delta/end blocks (a block ends when the other kind, or a tool call, begins), tool calls
 * as `tool-input-start` / `-delta` / `-end` followed by the complete `tool-call`, and at the end
 * the response metadata and the `finish` part with usage and `providerMetadata.qwen`.
 */
export class StreamPartWriter {
  readonly #enqueue: Enqueue;
  #blocks = 0;
  #text: string | undefined;
  #reasoning: string | undefined;
  /** Tool calls whose input has started, by wire index, with the id their parts carry. */
  readonly #toolInputs = new Map<number, string>();
  #finishReason: QwenFinishReason | undefined;
  #usage: QwenUsage | undefined;

  constructor(enqueue: Enqueue) {
    this.#enqueue = enqueue;
  }

  /** Writes the parts for one event. */
  write(event: QwenStreamEvent): void {
    switch (event.type) {
      case "text": {
        if (this.#reasoning !== undefined) this.#endReasoning();
        this.#text ??= this.#start("text-start", "text");
        this.#enqueue({ type: "text-delta", id: this.#text, delta: event.delta });
        break;
      }
      case "reasoning": {
        if (this.#text !== undefined) this.#endText();
        this.#reasoning ??= this.#start("reasoning-start", "reasoning");
        this.#enqueue({ type: "reasoning-delta", id: this.#reasoning, delta: event.delta });
        break;
      }
      case "tool-call-delta": {
        this.#endBlocks();
        let id = this.#toolInputs.get(event.index);
        if (id === undefined) {
          id = callId(event.id, event.index);
          this.#toolInputs.set(event.index, id);
          this.#enqueue({ type: "tool-input-start", id, toolName: event.name });
        }
        if (event.argumentsDelta !== "")
          this.#enqueue({ type: "tool-input-delta", id, delta: event.argumentsDelta });
        break;
      }
      case "tool-call": {
        this.#endBlocks();
        const { toolCall } = event;
        const id = callId(toolCall.id, toolCall.index);
        if (this.#toolInputs.delete(toolCall.index)) this.#enqueue({ type: "tool-input-end", id });
        this.#enqueue({ ...toToolCallPart(toolCall), toolCallId: id });
        break;
      }
      case "finish":
        this.#finishReason = event.finishReason;
        break;
      case "usage":
        this.#usage = event.usage;
        break;
    }
  }

  /** Ends a stream that finished: open blocks, the response metadata, the `finish` part. */
  finish(result: QwenChatResult, providerMetadata: SharedV4ProviderMetadata): void {
    this.#endBlocks();
    this.#enqueue({ type: "response-metadata", ...toResponseMetadata(result) });
    this.#enqueue({
      type: "finish",
      finishReason: toFinishReason(result.finishReason ?? this.#finishReason),
      usage: toUsage(result.usage ?? this.#usage),
      providerMetadata,
    });
  }

  /**
   * Ends a stream that failed after it started: the `error` part, then `finish` with reason
   * `error` and whatever usage had arrived.
   */
  fail(error: unknown, providerMetadata: SharedV4ProviderMetadata): void {
    this.#endBlocks();
    this.#enqueue({ type: "error", error });
    this.#enqueue({
      type: "finish",
      finishReason: { unified: "error", raw: this.#finishReason },
      usage: toUsage(this.#usage),
      providerMetadata,
    });
  }

  #start(type: "text-start" | "reasoning-start", prefix: string): string {
    const id = `${prefix}-${this.#blocks++}`;
    this.#enqueue({ type, id });
    return id;
  }

  #endText(): void {
    this.#enqueue({ type: "text-end", id: this.#text as string });
    this.#text = undefined;
  }

  #endReasoning(): void {
    this.#enqueue({ type: "reasoning-end", id: this.#reasoning as string });
    this.#reasoning = undefined;
  }

  #endBlocks(): void {
    if (this.#text !== undefined) this.#endText();
    if (this.#reasoning !== undefined) this.#endReasoning();
  }
}
