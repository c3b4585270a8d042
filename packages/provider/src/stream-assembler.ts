import type {
  DashScopeChunk,
  DashScopeChunkChoice,
  DashScopeToolCallDelta,
  Received,
} from "@qwenkit/core/wire";
import { unixSeconds } from "./created.js";
import { maskEchoedSecrets, type WireMasking, wireField } from "./errors/wire-text.js";
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
  /** The call as its `tool-call` event carried it (arguments masked and parsed once), until it grows again. */
  final: QwenToolCall | undefined;
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
 * missing usage frame (usage stays `undefined`). Strings that name things (ids, model, tool names)
 * are masked and cut as they arrive; tool-call fragments without an `index` are matched by id in
 * constant time, so a stream of any number of calls assembles in linear time.
 */
export class StreamAssembler {
  readonly #secrets: readonly string[];
  #id: string | undefined;
  #model: string | undefined;
  #created: number | undefined;
  readonly #text = new TextBuilder();
  /** Made when the first reasoning arrives, as are the tool-call maps: most streams have neither. */
  #reasoning: TextBuilder | undefined;
  #finishReason: QwenFinishReason | undefined;
  #usage: QwenUsage | undefined;
  #chunks = 0;
  #toolCalls: Map<number, PendingToolCall> | undefined;
  #lastToolIndex: number | undefined;
  /** The call each tool-call id belongs to (the first call that carried it). */
  #indexById: Map<string, number> | undefined;
  /** One past the highest index in use: where an index-less call with a new id goes. */
  #nextToolIndex = 0;

  /** @param options - the secrets to mask wherever the server echoes them (see {@link WireMasking}) */
  constructor(options: WireMasking = {}) {
    this.#secrets = options.secrets ?? [];
  }

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
    const events: QwenStreamEvent[] = [];
    this.pushTo(chunk, (event) => {
      events.push(event);
    });
    return events;
  }

  /**
   * Adds one parsed chunk and hands the events it produced to `emit`, in order: {@link push}
   * without an array per chunk, for the hot path (a content-only chunk costs one event object).
   */
  pushTo(chunk: Received<DashScopeChunk>, emit: (event: QwenStreamEvent) => void): void {
    this.#chunks += 1;
    if (this.#id === undefined && nonEmpty(chunk.id)) this.#id = wireField(chunk.id, this.#secrets);
    if (this.#model === undefined && nonEmpty(chunk.model))
      this.#model = wireField(chunk.model, this.#secrets);
    if (this.#created === undefined) this.#created = unixSeconds(chunk.created);
    const choice = followedChoice(chunk);
    const delta = choice?.delta;
    if (delta) {
      if (nonEmpty(delta.reasoning_content)) {
        this.#reasoning ??= new TextBuilder();
        this.#reasoning.append(delta.reasoning_content);
        emit({ type: "reasoning", delta: delta.reasoning_content });
      }
      if (nonEmpty(delta.content)) {
        this.#text.append(delta.content);
        emit({ type: "text", delta: delta.content });
      }
      const fragments = delta.tool_calls;
      if (fragments) for (const fragment of fragments) emit(this.#mergeToolCall(fragment));
    }
    if (nonEmpty(choice?.finish_reason) && this.#finishReason === undefined) {
      this.#finishReason = wireField(choice.finish_reason, this.#secrets) as QwenFinishReason;
      for (const event of this.#completeToolCalls()) emit(event);
      emit({ type: "finish", finishReason: this.#finishReason });
    }
    // Every chunk before the usage frame carries `usage: null`.
    if (chunk.usage != null) {
      const usage = normalizeUsage(chunk.usage);
      if (usage) {
        this.#usage = usage;
        emit({ type: "usage", usage });
      }
    }
  }

  /** Call when the stream closed normally: completes tool calls a finish frame did not close. */
  end(): QwenStreamEvent[] {
    return this.#completeToolCalls();
  }

  /** The aggregated result so far (also the partial result of an interrupted stream). */
  snapshot(meta: AssemblyMeta = {}): QwenChatResult {
    return {
      id: this.#id,
      requestId: wireField(meta.requestId, this.#secrets) ?? requestIdFromCompletionId(this.#id),
      model: this.#model,
      created: this.#created,
      text: maskEchoedSecrets(this.#text.toString(), this.#secrets),
      reasoning: this.#reasoning ? maskEchoedSecrets(this.#reasoning.toString(), this.#secrets) : "",
      toolCalls: this.#toolCalls
        ? [...this.#toolCalls.values()]
            .sort((a, b) => a.index - b.index)
            .map((call) => call.final ?? finalize(call, this.#secrets))
        : [],
      finishReason: this.#finishReason,
      usage: this.#usage,
      warnings: meta.warnings ?? [],
    };
  }

  #mergeToolCall(fragment: Received<DashScopeToolCallDelta>): QwenStreamEvent {
    const index = this.#toolIndex(fragment);
    this.#lastToolIndex = index;
    this.#toolCalls ??= new Map();
    let call = this.#toolCalls.get(index);
    if (call === undefined) {
      call = { index, id: "", name: "", arguments: new TextBuilder(), emitted: false, final: undefined };
      this.#toolCalls.set(index, call);
    }
    // Follow-up fragments carry `"id": ""` (and sometimes the name again): only fill blanks.
    if (call.id === "" && nonEmpty(fragment.id)) {
      call.id = wireField(fragment.id, this.#secrets) ?? "";
      this.#indexById ??= new Map();
      if (!this.#indexById.has(fragment.id)) this.#indexById.set(fragment.id, index);
    }
    if (call.name === "" && nonEmpty(fragment.function?.name)) {
      call.name = wireField(fragment.function.name, this.#secrets) ?? "";
    }
    const argumentsDelta = fragment.function?.arguments ?? "";
    call.arguments.append(argumentsDelta);
    call.final = undefined;
    return { type: "tool-call-delta", index, id: call.id, name: call.name, argumentsDelta };
  }

  #toolIndex(fragment: Received<DashScopeToolCallDelta>): number {
    const index = isToolIndex(fragment.index) ? fragment.index : this.#indexWithoutIndex(fragment);
    if (index >= this.#nextToolIndex) this.#nextToolIndex = index + 1;
    return index;
  }

  /** Without an index, only a non-empty id never seen before starts a new call. */
  #indexWithoutIndex(fragment: Received<DashScopeToolCallDelta>): number {
    if (nonEmpty(fragment.id)) return this.#indexById?.get(fragment.id) ?? this.#nextToolIndex;
    return this.#lastToolIndex ?? 0;
  }

  #completeToolCalls(): QwenStreamEvent[] {
    if (this.#toolCalls === undefined) return [];
    const pending = [...this.#toolCalls.values()]
      .filter((call) => !call.emitted)
      .sort((a, b) => a.index - b.index);
    return pending.map((call) => {
      call.emitted = true;
      call.final = finalize(call, this.#secrets);
      return { type: "tool-call", toolCall: call.final };
    });
  }
}

/** A usable wire `index`: a non-negative integer (anything else counts as no index). */
const isToolIndex = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

function finalize(call: PendingToolCall, secrets: readonly string[]): QwenToolCall {
  const args = maskEchoedSecrets(call.arguments.toString(), secrets);
  return {
    index: call.index,
    id: call.id,
    name: call.name,
    arguments: args,
    parsed: parseToolArguments(args),
  };
}
