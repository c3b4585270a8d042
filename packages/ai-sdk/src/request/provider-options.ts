import { InvalidArgumentError, type JSONObject, type SharedV4Warning } from "@ai-sdk/provider";

/**
 * `providerOptions.qwen` of a call: DashScope's own chat parameters, in the AI SDK's camelCase.
 *
 * @example
 * ```ts
 * await generateText({
 *   model: qwen("qwen3.5-plus"),
 *   prompt: "What happened in Hangzhou today?",
 *   providerOptions: { qwen: { enableThinking: true, thinkingBudget: 2048, enableSearch: true } },
 * });
 * ```
 */
export interface QwenChatOptions {
  /** Thinking on or off (`enable_thinking`); wins over the call's `reasoning` setting. */
  readonly enableThinking?: boolean;
  /** The most reasoning tokens (`thinking_budget`), a positive integer. */
  readonly thinkingBudget?: number;
  /**
   * Send the reasoning of earlier turns back with the conversation (`preserve_thinking: true`);
   * otherwise only the reasoning since the last user message is sent back (tool loops need it).
   */
  readonly preserveThinking?: boolean;
  /** Let the model search the web (`enable_search`). */
  readonly enableSearch?: boolean;
  /** DashScope's `search_options` object, keys as DashScope spells them (e.g. `forced_search`). */
  readonly searchOptions?: JSONObject;
  /** Let the model call several tools at once (`parallel_tool_calls`; DashScope's default is off). */
  readonly parallelToolCalls?: boolean;
  /** Qwen-VL: read images at a higher resolution (`vl_high_resolution_images`). */
  readonly vlHighResolutionImages?: boolean;
  /**
   * Structured output with a schema as `response_format: json_schema` (default `true`); `false`
   * sends `json_object` with the schema in a system message, for models without JSON Schema mode.
   */
  readonly structuredOutputs?: boolean;
}

type OptionName = keyof QwenChatOptions;

interface OptionSpec {
  /** What the value must be, for the error message. */
  readonly expected: string;
  readonly accepts: (value: unknown) => boolean;
  /** The body field the value is sent as unchanged; absent for options the adapter interprets. */
  readonly field?: string;
}

const isBoolean = (value: unknown) => typeof value === "boolean";
const boolean = (field?: string): OptionSpec => ({
  expected: "a boolean",
  accepts: isBoolean,
  ...(field === undefined ? {} : { field }),
});

/** Every option: how it is checked and where it goes. Sources are named in the README. */
const OPTION_SPECS: Readonly<Record<OptionName, OptionSpec>> = {
  enableThinking: boolean(),
  thinkingBudget: {
    expected: "a positive integer",
    accepts: (value) => Number.isSafeInteger(value) && (value as number) > 0,
  },
  preserveThinking: boolean("preserve_thinking"),
  enableSearch: boolean("enable_search"),
  searchOptions: {
    expected: "an object",
    accepts: (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    field: "search_options",
  },
  parallelToolCalls: boolean("parallel_tool_calls"),
  vlHighResolutionImages: boolean("vl_high_resolution_images"),
  structuredOutputs: boolean(),
};

/** The parsed options: typed values, the body fields they become, and warnings for unknown keys. */
export interface ParsedChatOptions {
  readonly options: QwenChatOptions;
  readonly bodyFields: Readonly<Record<string, unknown>>;
  readonly warnings: readonly SharedV4Warning[];
}

/**
 * Reads `providerOptions.qwen`. A known option with a wrong value is an error before any request
 * (a silently dropped option would change what the model does); an unknown key is a warning.
 *
 * @throws InvalidArgumentError naming the option and what it must be.
 */
export function parseChatOptions(raw: JSONObject | undefined): ParsedChatOptions {
  const options: Record<string, unknown> = {};
  const bodyFields: Record<string, unknown> = {};
  const warnings: SharedV4Warning[] = [];
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    if (!Object.hasOwn(OPTION_SPECS, name)) {
      warnings.push({ type: "unsupported", feature: `providerOptions.qwen.${name}` });
      continue;
    }
    const spec = OPTION_SPECS[name as OptionName];
    if (!spec.accepts(value)) {
      throw new InvalidArgumentError({
        argument: `providerOptions.qwen.${name}`,
        message: `providerOptions.qwen.${name} must be ${spec.expected}, got ${describe(value)}.`,
      });
    }
    options[name] = value;
    if (spec.field !== undefined) bodyFields[spec.field] = value;
  }
  return { options: options as QwenChatOptions, bodyFields, warnings };
}

/** A value's kind for an error message; strings are not quoted (they may hold anything). */
function describe(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
