import type { DashScopeFinishReason, DashScopeUsage } from "@qwenkit/core/wire";
import type { ChatRequest, ToolDefinition } from "./chat-request.js";
import { type Digest, mix, toolCallId } from "./determinism.js";
import type { OutputControls } from "./output-controls.js";
import { textTokens, utf8Length } from "./tokens.js";

/** Why a reply ended. */
export type FinishReason = DashScopeFinishReason;

/** A tool call of the reply. */
export interface ToolCallPlan {
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
  readonly toolCall: ToolCallPlan | undefined;
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

/** Content piece `index` (one token): consecutive words, the last one ending in a period. */
export function contentPiece(plan: ReplyPlan, index: number): string {
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

/** The tool-call arguments in the fragments a stream sends them in, produced lazily. */
export function* argumentFragments(args: string): Generator<string> {
  const firstKey = args.indexOf('":');
  let start = 0;
  let end = firstKey < 0 ? Math.min(args.length, ARGUMENT_FRAGMENT_CHARS) : firstKey + 2;
  while (start < args.length) {
    const code = args.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff && end < args.length) end += 1;
    yield args.slice(start, end);
    start = end;
    end = Math.min(args.length, start + ARGUMENT_FRAGMENT_CHARS);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("\n");
}

/**
 * The tool the reply calls, if any. `tool_choice: "none"` never calls; a named `tool_choice` calls
 * that tool; otherwise, when the last message is the user's and its text contains a tool's name,
 * that tool is called; `tool_choice: "required"` falls back to the first tool.
 */
export function chooseTool(
  request: Pick<ChatRequest, "tools" | "toolChoice" | "messages">,
): ToolDefinition | undefined {
  const { tools, toolChoice, messages } = request;
  if (tools.length === 0 || toolChoice === "none") return undefined;
  if (isObject(toolChoice) && isObject(toolChoice.function)) {
    const wanted = toolChoice.function.name;
    return tools.find((tool) => tool.name === wanted);
  }
  const last = messages.at(-1);
  const text = last?.role === "user" ? textOf(last.content) : "";
  const named = tools.find((tool) => text.includes(tool.name));
  return named ?? (toolChoice === "required" ? tools[0] : undefined);
}

function sampleValue(schema: unknown, hash: number): unknown {
  if (!isObject(schema)) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[hash % schema.enum.length];
  switch (schema.type) {
    case "string":
      return CONTENT_WORDS[hash % CONTENT_WORDS.length];
    case "integer":
      return hash % 100;
    case "number":
      return (hash % 1000) / 10;
    case "boolean":
      return hash % 2 === 0;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return null;
  }
}

const FILLER = "abcdefghijklmnopqrstuvwxyz";

/**
 * Tool-call arguments: one deterministic value per property of the tool's JSON schema, or, with
 * `bytes`, `{"<first string property, else input>":"abc…"}` padded to exactly `bytes` UTF-8 bytes
 * (never shorter than the object with an empty value).
 */
export function toolArguments(tool: ToolDefinition, seed: number, bytes: number | undefined): string {
  const properties =
    isObject(tool.parameters) && isObject(tool.parameters.properties) ? tool.parameters.properties : {};
  if (bytes === undefined) {
    const values = Object.fromEntries(
      Object.entries(properties).map(([name, schema], index) => [
        name,
        sampleValue(schema, mix(seed, index)),
      ]),
    );
    return JSON.stringify(values);
  }
  const key =
    Object.entries(properties).find(([, schema]) => isObject(schema) && schema.type === "string")?.[0] ??
    "input";
  const empty = `{${JSON.stringify(key)}:""}`;
  const padding = Math.max(0, bytes - utf8Length(empty));
  const fill = FILLER.repeat(Math.ceil(padding / FILLER.length)).slice(0, padding);
  return `{${JSON.stringify(key)}:"${fill}"}`;
}

const DEFAULT_CONTENT_CHUNKS = 6;
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
  const tool = chooseTool(request);
  const toolCall =
    tool === undefined
      ? undefined
      : {
          id: toolCallId(identity.toolDigest),
          name: tool.name,
          arguments: toolArguments(tool, seed, controls.toolArgumentsBytes),
        };
  const naturalReasoning = DEFAULT_REASONING_CHUNKS + ((seed >>> 8) % 5);
  const reasoningChunks = !request.thinking
    ? 0
    : (controls.reasoningChunks ??
      Math.max(1, Math.min(naturalReasoning, request.thinkingBudget ?? naturalReasoning)));
  const naturalContent =
    toolCall === undefined ? (controls.chunks ?? DEFAULT_CONTENT_CHUNKS + (seed % 7)) : 0;
  const contentChunks = Math.min(naturalContent, request.maxTokens ?? naturalContent);
  const finishReason: FinishReason =
    toolCall !== undefined ? "tool_calls" : contentChunks < naturalContent ? "length" : "stop";
  const toolTokens = toolCall === undefined ? 0 : textTokens(toolCall.name + toolCall.arguments);
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
    id: `chatcmpl-${identity.uuid}`,
    created: identity.created,
    model: request.model.id,
    seed,
    thinking: request.thinking,
    reasoningChunks,
    contentChunks,
    toolCall,
    finishReason,
    usage,
  };
}
