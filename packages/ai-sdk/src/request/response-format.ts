import type { LanguageModelV4CallOptions } from "@ai-sdk/provider";
import type { QwenChatRequest } from "@qwenkit/provider";

/** How a call asks for JSON: the `response_format` to send and, for JSON Object mode, a system instruction. */
export interface JsonMode {
  readonly responseFormat: NonNullable<QwenChatRequest["response_format"]>;
  /**
   * For `json_object`: DashScope rejects it unless a message contains the word "JSON", and the
   * mode does not see a schema, so the instruction (with the schema, if any) goes in a system message.
   */
  readonly instruction: string | undefined;
}

/**
 * The JSON mode for the call's `responseFormat`, or `undefined` for text. With a schema and
 * `structuredOutputs` on: JSON Schema mode (`json_schema`, strict), where DashScope enforces the
 * schema. Otherwise JSON Object mode. Either way qwenkit's shaping turns thinking off on
 * DashScope, which rejects JSON mode together with thinking.
 */
export function toJsonMode(
  responseFormat: LanguageModelV4CallOptions["responseFormat"],
  structuredOutputs: boolean,
): JsonMode | undefined {
  if (responseFormat?.type !== "json") return undefined;
  const { schema, name, description } = responseFormat;
  if (schema !== undefined && structuredOutputs) {
    return {
      responseFormat: {
        type: "json_schema",
        json_schema: {
          name: name ?? "response",
          ...(description === undefined ? {} : { description }),
          schema: schema as Record<string, unknown>,
          strict: true,
        },
      },
      instruction: undefined,
    };
  }
  return {
    responseFormat: { type: "json_object" },
    instruction:
      schema === undefined
        ? "You MUST answer with JSON."
        : `JSON schema:\n${JSON.stringify(schema)}\nYou MUST answer with a JSON object that matches the JSON schema above.`,
  };
}
