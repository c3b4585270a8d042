import type { ChatRequest, ToolDefinition } from "./chat-request.js";
import { isObject } from "./is-object.js";
import { schemaInstance } from "./json-schema/instance.js";
import { utf8Length } from "./tokens.js";

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("\n");
}

/**
 * The tools the reply calls, in the order of `tools`:
 * - `tool_choice: "none"`, or no tools: none;
 * - `tool_choice` naming a function: that one;
 * - otherwise, when the last message is the user's: the tools whose names its text contains — the
 *   first of them, or all of them with `parallel_tool_calls: true`;
 * - `tool_choice: "required"` with no tool named in the text: the first tool.
 * With `tool_choice` absent or `"auto"`, a tool result as the last message gets a text reply, so
 * agent loops end.
 */
export function chooseTools(
  request: Pick<ChatRequest, "tools" | "toolChoice" | "messages" | "parallelToolCalls">,
): readonly ToolDefinition[] {
  const { tools, toolChoice, messages } = request;
  if (tools.length === 0 || toolChoice === "none") return [];
  if (isObject(toolChoice) && isObject(toolChoice.function)) {
    const wanted = toolChoice.function.name;
    return tools.filter((tool) => tool.name === wanted).slice(0, 1);
  }
  const last = messages.at(-1);
  const text = last?.role === "user" ? textOf(last.content) : "";
  const named = tools.filter((tool) => text.includes(tool.name));
  if (named.length > 0) return request.parallelToolCalls ? named : named.slice(0, 1);
  return toolChoice === "required" ? tools.slice(0, 1) : [];
}

const FILLER = "abcdefghijklmnopqrstuvwxyz";

/**
 * Tool-call arguments: an instance of the tool's JSON schema with every property filled (strings
 * are words of `words`, integers 0–99, …, varied by `seed`), or, with `bytes`,
 * `{"<first string property, else input>":"abc…"}` padded to exactly `bytes` UTF-8 bytes (never
 * shorter than that object with an empty value).
 */
export function toolArguments(
  tool: ToolDefinition,
  seed: number,
  words: readonly string[],
  bytes: number | undefined,
): string {
  if (bytes === undefined) {
    const schema = isObject(tool.parameters) ? tool.parameters : { type: "object" };
    const value = schemaInstance({ type: "object", ...schema }, { kind: "sample", seed, words });
    return JSON.stringify(isObject(value) ? value : {});
  }
  const properties =
    isObject(tool.parameters) && isObject(tool.parameters.properties) ? tool.parameters.properties : {};
  const key =
    Object.entries(properties).find(([, schema]) => isObject(schema) && schema.type === "string")?.[0] ??
    "input";
  const empty = `{${JSON.stringify(key)}:""}`;
  const padding = Math.max(0, bytes - utf8Length(empty));
  const fill = FILLER.repeat(Math.ceil(padding / FILLER.length)).slice(0, padding);
  return `{${JSON.stringify(key)}:"${fill}"}`;
}
