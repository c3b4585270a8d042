import {
  CHUNK_OBJECT,
  type DashScopeChunk,
  type DashScopeChunkChoice,
  type DashScopeDelta,
  type DashScopeToolCallDelta,
  TOOL_CALL_TYPE,
} from "@qwenkit/core/wire";
import {
  argumentFragments,
  contentPiece,
  type FinishReason,
  type ReplyPlan,
  reasoningPiece,
  type ToolCallPlan,
  type Usage,
} from "./reply.js";

// Every object below is written in the key order of the captures in fixtures/wire/: clients and tests
// compare bytes, so the order is part of the contract. The key set is checked by `satisfies`
// against the wire types of @qwenkit/core/wire.

function chunk(
  plan: ReplyPlan,
  choices: readonly DashScopeChunkChoice[],
  usage: Usage | null = null,
): string {
  return JSON.stringify({
    choices,
    object: CHUNK_OBJECT,
    usage,
    created: plan.created,
    system_fingerprint: null,
    model: plan.model,
    id: plan.id,
  } satisfies DashScopeChunk);
}

/** The first frame of a plain reply: `{"content":"","role":"assistant"}`. */
export function roleFrame(plan: ReplyPlan): string {
  return chunk(plan, [
    { delta: { content: "", role: "assistant" }, index: 0, logprobs: null, finish_reason: null },
  ]);
}

/** A content frame; thinking replies also carry `reasoning_content: null`. */
export function contentFrame(plan: ReplyPlan, text: string): string {
  const delta: DashScopeDelta = plan.thinking
    ? { content: text, reasoning_content: null }
    : { content: text };
  return chunk(plan, [{ finish_reason: null, delta, index: 0, logprobs: null }]);
}

/** A reasoning frame (`content: null`); the first one carries the role. */
export function reasoningFrame(plan: ReplyPlan, text: string, first: boolean): string {
  if (first) {
    return chunk(plan, [
      {
        delta: { content: null, reasoning_content: text, role: "assistant" },
        finish_reason: null,
        index: 0,
        logprobs: null,
      },
    ]);
  }
  return chunk(plan, [
    { finish_reason: null, delta: { content: null, reasoning_content: text }, index: 0, logprobs: null },
  ]);
}

/**
 * The first delta of a tool call: id, type, name and the first argument fragment. The reply's first
 * call opens the message (`content: null`, the role); a parallel call after it comes in the shape of
 * a later delta, with its own `index`, id and name.
 */
export function firstToolFrame(plan: ReplyPlan, call: ToolCallPlan, fragment: string): string {
  const toolCalls: DashScopeToolCallDelta[] = [
    {
      index: call.index,
      id: call.id,
      type: TOOL_CALL_TYPE,
      function: { name: call.name, arguments: fragment },
    },
  ];
  if (call.index > 0) return chunk(plan, [{ delta: { tool_calls: toolCalls }, index: 0 }]);
  const delta: DashScopeDelta = plan.thinking
    ? { content: null, reasoning_content: null, tool_calls: toolCalls }
    : { content: null, tool_calls: toolCalls, role: "assistant" };
  return chunk(plan, [{ delta, finish_reason: null, index: 0, logprobs: null }]);
}

/** A later delta of a tool call: `"id": ""` and `"type": "function"` repeated, one more fragment. */
export function toolFrame(plan: ReplyPlan, call: ToolCallPlan, fragment: string): string {
  return chunk(plan, [
    {
      delta: {
        tool_calls: [{ function: { arguments: fragment }, index: call.index, id: "", type: TOOL_CALL_TYPE }],
      },
      index: 0,
    },
  ]);
}

/** The finish frame: its own frame, with an empty delta. */
export function finishFrame(plan: ReplyPlan, reason: FinishReason): string {
  const delta: DashScopeDelta =
    reason === "tool_calls" ? {} : plan.thinking ? { content: "", reasoning_content: null } : { content: "" };
  return chunk(plan, [{ finish_reason: reason, delta, index: 0, logprobs: null }]);
}

/** The usage frame: `choices: []` and the usage object. */
export function usageFrame(plan: ReplyPlan): string {
  return chunk(plan, [], plan.usage);
}

/**
 * The JSON of every frame of a streamed reply, in order, produced lazily (a reply of 100,000 chunks
 * never exists in memory at once): reasoning frames (the first with the role) or the role frame,
 * content or tool-call frames, the finish frame, then the usage frame when `includeUsage`.
 */
export function* streamFrames(plan: ReplyPlan, includeUsage: boolean): Generator<string> {
  if (plan.thinking) {
    for (let i = 0; i < plan.reasoningChunks; i++) yield reasoningFrame(plan, reasoningPiece(i), i === 0);
  } else if (plan.toolCalls.length === 0) {
    yield roleFrame(plan);
  }
  for (const call of plan.toolCalls) {
    let first = true;
    for (const fragment of argumentFragments(call.arguments)) {
      yield first ? firstToolFrame(plan, call, fragment) : toolFrame(plan, call, fragment);
      first = false;
    }
  }
  for (let i = 0; i < plan.contentChunks; i++) yield contentFrame(plan, contentPiece(plan, i));
  yield finishFrame(plan, plan.finishReason);
  if (includeUsage) yield usageFrame(plan);
}
