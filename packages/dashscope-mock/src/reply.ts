import { isHighSurrogate } from "@qwenkit/core/internal";
import { COMPLETION_ID_PREFIX, type DashScopeFinishReason, type DashScopeUsage } from "@qwenkit/core/wire";
import type { ChatRequest } from "./chat-request.js";
import { type Digest, digest, digestHex, mix, toolCallId } from "./determinism.js";
import { schemaInstance } from "./json-schema/instance.js";
import type { OutputControls } from "./output-controls.js";
import { BYTES_PER_TOKEN, textTokens } from "./tokens.js";
import { chooseTools, toolArguments } from "./tools.js";

/** Why a reply ended. */
export type FinishReason = DashScopeFinishReason;

/** A tool call of the reply. */
export interface ToolCallPlan {
  /** Its place among the reply's calls (`tool_calls[].index`). */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/**
 * Usage as DashScope reports it (key order as on the wire): details for thinking replies
 * (`completion_tokens_details`, `prompt_tokens_details.text_tokens`) and cached prompt tokens.
 */
export type Usage = DashScopeUsage;

/** Everything that decides the bytes of a reply; pieces of text are derived from `seed` on demand. */
export interface ReplyPlan {
  readonly id: string;
  readonly created: number;
  /** The model id as the request spelled it. */
  readonly model: string;
  readonly seed: number;
  readonly thinking: boolean;
  /** Reasoning chunks (0 when not thinking); the first carries the role. */
  readonly reasoningChunks: number;
  readonly contentChunks: number;
  /** The content of a JSON reply, one piece per chunk; plain replies are words derived from `seed`. */
  readonly contentPieces: readonly string[] | undefined;
  /** The tool calls, in order (empty when the reply is text). */
  readonly toolCalls: readonly ToolCallPlan[];
  readonly finishReason: FinishReason;
  readonly usage: Usage;
}

/** Who the reply is for: the request's id, timestamp and seed. */
export interface ReplyIdentity {
  readonly uuid: string;
  readonly created: number;
  readonly seed: number;
  readonly toolDigest: Digest;
}

/** Replies are runs of these words, starting at a word chosen by the seed. */
const CONTENT_WORDS =
  "This is a deterministic reply from the DashScope mock, derived from the model and the prompt so that tests can assert on every byte of it".split(
    " ",
  );
const REASONING_WORDS =
  "Here the user asks something simple, so let me think it through step by step and then plan a short and direct answer".split(
    " ",
  );

/** Content piece `index` (one token): consecutive words, the last one ending in a period; or a piece of the JSON. */
export function contentPiece(plan: ReplyPlan, index: number): string {
  if (plan.contentPieces !== undefined) return plan.contentPieces[index] ?? "";
  const word = CONTENT_WORDS[(plan.seed + index) % CONTENT_WORDS.length] ?? "";
  const text = index === 0 ? word : ` ${word}`;
  return index === plan.contentChunks - 1 && plan.finishReason === "stop"
    ? `${text.replace(/,$/, "")}.`
    : text;
}

/** Reasoning piece `index` (one token); the first is always `Here`, as in the captured frame. */
export function reasoningPiece(index: number): string {
  return index === 0 ? "Here" : ` ${REASONING_WORDS[index % REASONING_WORDS.length] ?? ""}`;
}

/** Size of the tool-argument fragments after the first (the first ends after the first key). */
export const ARGUMENT_FRAGMENT_CHARS = 64;

/**
 * `text` cut into pieces of `size` UTF-16 units (the first of `first`), never inside a surrogate
 * pair, produced lazily.
 */
function* slices(text: string, size: number, first = size): Generator<string> {
  let start = 0;
  let end = Math.min(text.length, first);
  while (start < text.length) {
    if (isHighSurrogate(text.charCodeAt(end - 1)) && end < text.length) end += 1;
    yield text.slice(start, end);
    start = end;
    end = Math.min(text.length, start + size);
  }
}

/** The tool-call arguments in the fragments a stream sends them in, produced lazily. */
export function argumentFragments(args: string): Generator<string> {
  const firstKey = args.indexOf('":');
  return slices(args, ARGUMENT_FRAGMENT_CHARS, firstKey < 0 ? ARGUMENT_FRAGMENT_CHARS : firstKey + 2);
}

const DEFAULT_CONTENT_CHUNKS = 6;

/** The words of a plain reply of `count` chunks, joined. */
function plainText(seed: number, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(CONTENT_WORDS[(seed + i) % CONTENT_WORDS.length] ?? "");
  return `${words.join(" ").replace(/,$/, "")}.`;
}

/**
 * The JSON text of a JSON-mode reply: for `json_schema` the smallest instance of the schema, for
 * `json_object` `{"reply":"<the words of a plain reply>"}`; `undefined` for text replies.
 */
function jsonContent(request: ChatRequest, seed: number): string | undefined {
  const format = request.responseFormat;
  switch (format.kind) {
    case "text":
      return undefined;
    case "json_object":
      return JSON.stringify({ reply: plainText(seed, DEFAULT_CONTENT_CHUNKS + (seed % 7)) });
    case "json_schema":
      return JSON.stringify(schemaInstance(format.schema, { kind: "smallest" }));
  }
}

const DEFAULT_REASONING_CHUNKS = 4;

/**
 * Plans the reply to a valid request. Without controls: 6–12 content chunks and, when thinking,
 * 4–8 reasoning chunks (capped by `thinking_budget`), both chosen by the seed. `x-mock-chunks` and
 * `x-mock-reasoning-chunks` set the counts exactly; `max_completion_tokens` / `max_tokens` cut the
 * content and finish with `length`. One chunk is one token; tool calls count
 * ceil(bytes(name + arguments) / 4) tokens; `x-mock-cached-tokens` adds
 * `prompt_tokens_details.cached_tokens`.
 */
export function planReply(
  request: ChatRequest,
  identity: ReplyIdentity,
  controls: OutputControls,
): ReplyPlan {
  const { seed } = identity;
  const toolCalls = chooseTools(request).map((tool, index) => ({
    index,
    // The first call keeps the request's tool digest; later ones derive their own from it.
    id: toolCallId(index === 0 ? identity.toolDigest : digest(`${digestHex(identity.toolDigest)}#${index}`)),
    name: tool.name,
    arguments: toolArguments(
      tool,
      index === 0 ? seed : mix(seed, index),
      CONTENT_WORDS,
      controls.toolArgumentsBytes,
    ),
  }));
  const calling = toolCalls.length > 0;
  const json = calling ? undefined : jsonContent(request, seed);
  const contentPieces = json === undefined ? undefined : [...slices(json, BYTES_PER_TOKEN)];
  const naturalReasoning = DEFAULT_REASONING_CHUNKS + ((seed >>> 8) % 5);
  const reasoningChunks = !request.thinking
    ? 0
    : (controls.reasoningChunks ??
      Math.max(1, Math.min(naturalReasoning, request.thinkingBudget ?? naturalReasoning)));
  const naturalContent = calling
    ? 0
    : (contentPieces?.length ?? controls.chunks ?? DEFAULT_CONTENT_CHUNKS + (seed % 7));
  const contentChunks = Math.min(naturalContent, request.maxTokens ?? naturalContent);
  const finishReason: FinishReason = calling
    ? "tool_calls"
    : contentChunks < naturalContent
      ? "length"
      : "stop";
  const toolTokens = toolCalls.reduce((sum, call) => sum + textTokens(call.name + call.arguments), 0);
  const prompt = request.promptTokens;
  const completion = reasoningChunks + contentChunks + toolTokens;
  const cached =
    controls.cachedTokens === undefined ? {} : { cached_tokens: Math.min(controls.cachedTokens, prompt) };
  const totals = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  const usage: Usage = request.thinking
    ? {
        ...totals,
        completion_tokens_details: { reasoning_tokens: reasoningChunks, text_tokens: completion },
        prompt_tokens_details: { text_tokens: prompt, ...cached },
      }
    : controls.cachedTokens === undefined
      ? totals
      : { ...totals, prompt_tokens_details: cached };
  return {
    id: `${COMPLETION_ID_PREFIX}${identity.uuid}`,
    created: identity.created,
    model: request.model.id,
    seed,
    thinking: request.thinking,
    reasoningChunks,
    contentChunks,
    contentPieces,
    toolCalls,
    finishReason,
    usage,
  };
}
