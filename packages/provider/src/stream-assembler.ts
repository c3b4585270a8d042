import type {
  DashScopeChunk,
  DashScopeChunkChoice,
  DashScopeToolCallDelta,
  Received,
} from "@qwenkit/core/wire";
import { nonEmpty } from "./non-empty.js";
import { requestIdFromCompletionId } from "./request-id.js";
import type { QwenChatResult, QwenFinishReason } from "./result.js";
import type { QwenRequestWarning } from "./shape-request.js";
import type { QwenStreamEvent } from "./stream-events.js";
import { TextBuilder } from "./text-builder.js";
import { parseToolArguments, type QwenToolCall } from "./tool-call.js";
import { normalizeUsage, type QwenUsage } from "./usage.js";

interface PendingToolCall {
  readonly index: number;
  id: string;
  name: string;
  readonly arguments: TextBuilder;
  emitted: boolean;
}

/** Extra facts about the response that are not in the chunks. */
export interface AssemblyMeta {
  /** `x-request-id` of the HTTP response, when known. */
  readonly requestId?: string | undefined;
  readonly warnings?: readonly QwenRequestWarning[];
}

const isFollowed = (choice: Received<DashScopeChunkChoice>): boolean => (choice.index ?? 0) === 0;

/** The choice qwenkit follows: index 0 (the only one unless `n` > 1). The usage frame has none. */
function followedChoice(chunk: Received<DashScopeChunk>): Received<DashScopeChunkChoice> | undefined {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return undefined;
  // Nearly every chunk has exactly the followed choice, first.
  const first = choices[0];
  return first !== undefined && isFollowed(first) ? first : choices.find(isFollowed);
}

/**
 * Folds parsed `chat.completion.chunk` frames into events and an aggregated result. Pure: no I/O,
 * no timers; feed it chunks with {@link push}, call {@link end} when the stream closed normally,
 * and read {@link result} (or {@link snapshot} for the partial result of a broken stream).
 *
 * Defends against the known client breakages: the `choices: []` usage frame, a finish reason in
 * an empty-delta frame, `reasoning_content`, follow-up tool-call deltas with `"id": ""`, and a
 * missing usage frame (usage stays `undefined`).
 */
export class StreamAssembler {
  #id: string | undefined;
  #model: string | undefined;
  readonly #text = new TextBuilder();
  readonly #reasoning = new TextBuilder();
  #finishReason: QwenFinishReason | undefined;
  #usage: QwenUsage | undefined;
  #chunks = 0;
  readonly #toolCalls = new Map<number, PendingToolCall>();
  #lastToolIndex: number | undefined;

  /** Number of chunks pushed so far. */
  get chunkCount(): number {
    return this.#chunks;
  }

  /** Whether a finish reason has arrived. A stream that ends without one was cut off. */
  get finished(): boolean {
    return this.#finishReason !== undefined;
  }

  /** Adds one parsed chunk; returns the events it produced, in order. */
  push(chunk: Received<DashScopeChunk>): QwenStreamEvent[] {
    this.#chunks += 1;
    this.#id ??= nonEmpty(chunk.id) ? chunk.id : undefined;
    this.#model ??= nonEmpty(chunk.model) ? chunk.model : undefined;
    const events: QwenStreamEvent[] = [];
    const choice = followedChoice(chunk);
    const delta = choice?.delta;
    if (delta) {
      if (nonEmpty(delta.reasoning_content)) {
        this.#reasoning.append(delta.reasoning_content);
        events.push({ type: "reasoning", delta: delta.reasoning_content });
      }
      if (nonEmpty(delta.content)) {
        this.#text.append(delta.content);
        events.push({ type: "text", delta: delta.content });
      }
      for (const fragment of delta.tool_calls ?? []) {
        events.push(this.#mergeToolCall(fragment));
      }
    }
    if (nonEmpty(choice?.finish_reason) && this.#finishReason === undefined) {
      this.#finishReason = choice.finish_reason;
      events.push(...this.#completeToolCalls(), { type: "finish", finishReason: choice.finish_reason });
    }
    const usage = normalizeUsage(chunk.usage);
    if (usage) {
      this.#usage = usage;
      events.push({ type: "usage", usage });
    }
    return events;
  }

  /** Call when the stream closed normally: completes tool calls a finish frame did not close. */
  end(): QwenStreamEvent[] {
    return this.#completeToolCalls();
  }

  /** The aggregated result so far (also the partial result of an interrupted stream). */
  snapshot(meta: AssemblyMeta = {}): QwenChatResult {
    return {
      id: this.#id,
      requestId: meta.requestId ?? requestIdFromCompletionId(this.#id),
      model: this.#model,
      text: this.#text.toString(),
      reasoning: this.#reasoning.toString(),
      toolCalls: [...this.#toolCalls.values()].sort((a, b) => a.index - b.index).map(finalize),
      finishReason: this.#finishReason,
      usage: this.#usage,
      warnings: meta.warnings ?? [],
    };
  }

  #mergeToolCall(fragment: Received<DashScopeToolCallDelta>): QwenStreamEvent {
    const index = this.#toolIndex(fragment);
    this.#lastToolIndex = index;
    let call = this.#toolCalls.get(index);
    if (call === undefined) {
      call = { index, id: "", name: "", arguments: new TextBuilder(), emitted: false };
      this.#toolCalls.set(index, call);
    }
    // Follow-up fragments carry `"id": ""` (and sometimes the name again): only fill blanks.
    if (call.id === "" && nonEmpty(fragment.id)) call.id = fragment.id;
    if (call.name === "" && nonEmpty(fragment.function?.name)) call.name = fragment.function.name;
    const argumentsDelta = fragment.function?.arguments ?? "";
    call.arguments.append(argumentsDelta);
    return { type: "tool-call-delta", index, id: call.id, name: call.name, argumentsDelta };
  }

  #toolIndex(fragment: Received<DashScopeToolCallDelta>): number {
    if (typeof fragment.index === "number") return fragment.index;
    // Without an index, only a non-empty id never seen before starts a new call.
    if (nonEmpty(fragment.id)) {
      const known = [...this.#toolCalls.values()].find((call) => call.id === fragment.id);
      if (known) return known.index;
      return this.#toolCalls.size === 0 ? 0 : Math.max(...this.#toolCalls.keys()) + 1;
    }
    return this.#lastToolIndex ?? 0;
  }

  #completeToolCalls(): QwenStreamEvent[] {
    const pending = [...this.#toolCalls.values()]
      .filter((call) => !call.emitted)
      .sort((a, b) => a.index - b.index);
    return pending.map((call) => {
      call.emitted = true;
      return { type: "tool-call", toolCall: finalize(call) };
    });
  }
}

function finalize(call: PendingToolCall): QwenToolCall {
  const args = call.arguments.toString();
  return {
    index: call.index,
    id: call.id,
    name: call.name,
    arguments: args,
    parsed: parseToolArguments(args),
  };
}
