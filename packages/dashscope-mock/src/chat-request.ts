import type { NativeHostMatch } from "@qwenkit/core";
import { isObject } from "./is-object.js";
import { type ResponseFormat, readResponseFormat } from "./json-schema/response-format.js";
import type { ErrorContext, MockErrorName } from "./mock-errors.js";
import { findModel, type ModelProfile, maxInputTokens, profileOf, thinks } from "./models/profile.js";
import { promptTokens } from "./tokens.js";

/** A tool the request offers. */
export interface ToolDefinition {
  readonly name: string;
  /** The JSON schema of the arguments, when given. */
  readonly parameters: unknown;
}

/** A chat message as the mock reads it. */
export interface ChatMessage {
  readonly role: string;
  readonly content: unknown;
}

/** The parts of a chat-completions request that shape the reply. */
export interface ChatRequest {
  readonly model: ModelProfile;
  readonly messages: readonly ChatMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly thinking: boolean;
  readonly thinkingBudget: number | undefined;
  readonly tools: readonly ToolDefinition[];
  readonly toolChoice: unknown;
  /** `parallel_tool_calls: true`: the reply may call several tools at once. */
  readonly parallelToolCalls: boolean;
  /** Plain text, or a JSON reply (`json_object`, or an instance of a `json_schema`). */
  readonly responseFormat: ResponseFormat;
  /** The smaller of `max_completion_tokens` and `max_tokens`, when either is given. */
  readonly maxTokens: number | undefined;
  readonly promptTokens: number;
}

/** What the request may ask of a host. */
export interface ModelPolicy {
  /** Models a Coding Plan host serves. */
  readonly codingPlanModels: readonly string[];
  /** Models a Token Plan host serves. */
  readonly tokenPlanModels: readonly string[];
  /** Models a Standard host serves besides the catalog. */
  readonly extraModels: readonly string[];
}

/** A request DashScope rejects, with what the error body needs. */
export interface Rejection {
  readonly error: MockErrorName;
  readonly context: Omit<ErrorContext, "requestId">;
}

/** The outcome of validation. */
export type Validation =
  | { readonly ok: true; readonly request: ChatRequest }
  | { readonly ok: false; readonly rejection: Rejection };

// Subscription hosts serve their plan's list; Pay-as-you-go hosts the catalog and the extra models.
const PLAN_LISTS: Readonly<Record<NativeHostMatch["plan"], keyof ModelPolicy | undefined>> = {
  standard: undefined,
  coding: "codingPlanModels",
  token: "tokenPlanModels",
};

const ROLES = ["system", "assistant", "user", "tool", "function"] as const;
const ROLE_LIST = `[${ROLES.map((role) => `'${role}'`).join(", ")}]`;

const reject = (error: MockErrorName, context: Rejection["context"] = {}): Validation => ({
  ok: false,
  rejection: { error, context },
});

const invalid = (message: string): Validation => reject("invalid-parameter", { message });

function readTools(value: unknown): readonly ToolDefinition[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return "is not of type 'array' - 'tools'";
  const tools: ToolDefinition[] = [];
  for (const [index, tool] of value.entries()) {
    const fn = isObject(tool) ? tool.function : undefined;
    if (!isObject(fn) || typeof fn.name !== "string" || fn.name === "") {
      return `'name' is a required property - 'tools.[${index}].function'`;
    }
    tools.push({ name: fn.name, parameters: fn.parameters });
  }
  return tools;
}

function readMaxTokens(body: Record<string, unknown>): number | undefined | "invalid" {
  const limits = [body.max_completion_tokens, body.max_tokens].filter(
    (value) => value !== undefined && value !== null,
  );
  if (limits.some((value) => !Number.isSafeInteger(value) || (value as number) < 1)) return "invalid";
  return limits.length === 0 ? undefined : Math.min(...(limits as number[]));
}

/**
 * Checks a chat-completions body as DashScope does, in this order: JSON schema (model, messages,
 * roles, tools), the model on this host, max tokens, thinking rules, then the input length.
 */
export function validateChatRequest(
  body: unknown,
  endpoint: NativeHostMatch,
  policy: ModelPolicy,
): Validation {
  if (!isObject(body)) return invalid("The request body is not a JSON object.");
  const { model: modelId, messages } = body;
  if (typeof modelId !== "string" || modelId === "") return invalid("'model' is a required property");
  if (!Array.isArray(messages)) return invalid("'messages' is a required property");
  if (messages.length === 0) return invalid("[] is too short - 'messages'");
  const chat: ChatMessage[] = [];
  for (const [index, message] of messages.entries()) {
    const role = isObject(message) ? message.role : undefined;
    if (typeof role !== "string") return invalid(`'role' is a required property - 'messages.[${index}]'`);
    if (!(ROLES as readonly string[]).includes(role)) {
      return invalid(`${role} is not one of ${ROLE_LIST} - 'messages.[${index}].role'`);
    }
    chat.push({ role, content: (message as Record<string, unknown>).content });
  }
  if (Array.isArray(body.tools) && body.tools.length === 0) return reject("empty-tools", { model: modelId });
  const tools = readTools(body.tools);
  if (typeof tools === "string") return invalid(tools);
  const choice = body.tool_choice;
  const named = isObject(choice) && isObject(choice.function) ? choice.function.name : undefined;
  if (named !== undefined && !tools.some((tool) => tool.name === named)) {
    return invalid(`tool_choice names the function '${String(named)}', which is not in 'tools'`);
  }
  const responseFormat = readResponseFormat(body.response_format);
  if (typeof responseFormat === "string") return invalid(responseFormat);

  let model: ModelProfile;
  const planModels = PLAN_LISTS[endpoint.plan];
  if (planModels !== undefined) {
    if (!policy[planModels].includes(modelId)) return reject("model-not-in-plan", { model: modelId });
    model = profileOf(modelId);
  } else {
    const found = findModel(modelId, policy.extraModels);
    if (found === undefined) return reject("model-not-found", { model: modelId });
    model = found;
  }

  const maxTokens = readMaxTokens(body);
  if (maxTokens === "invalid" || (maxTokens !== undefined && maxTokens > model.maxOutputTokens)) {
    return invalid(
      `<400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, ${model.maxOutputTokens}]`,
    );
  }

  const stream = body.stream === true;
  const thinking = thinks(model.thinking, body.enable_thinking);
  if (thinking && !stream && model.thinking.kind === "hybrid") {
    return invalid("parameter.enable_thinking must be set to false for non-streaming calls");
  }
  // Structured output needs thinking off: json_schema gets the same rejection as json_object. An
  // explicit enable_thinking: true counts even where the mock does not know how the model thinks
  // (qwen-plus and the rest of the Pay-as-you-go list are not in the catalog).
  if ((thinking || body.enable_thinking === true) && responseFormat.kind !== "text") {
    return invalid("Json mode response is not supported when enable_thinking is true");
  }

  const tokens = promptTokens(messages, body.tools ?? undefined);
  if (tokens > maxInputTokens(model)) {
    return reject("context-too-long", { model: modelId, maxInput: maxInputTokens(model) });
  }

  const budget = body.thinking_budget;
  return {
    ok: true,
    request: {
      model,
      messages: chat,
      stream,
      includeUsage: isObject(body.stream_options) && body.stream_options.include_usage === true,
      thinking,
      thinkingBudget: Number.isSafeInteger(budget) && (budget as number) > 0 ? (budget as number) : undefined,
      tools,
      toolChoice: body.tool_choice,
      parallelToolCalls: body.parallel_tool_calls === true,
      responseFormat,
      maxTokens,
      promptTokens: tokens,
    },
  };
}
