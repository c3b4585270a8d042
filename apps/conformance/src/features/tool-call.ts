import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { MAX_TOKENS } from "./shared.js";

const WEATHER_TOOL = {
  type: "function" as const,
  function: {
    name: "get_current_weather",
    description: "Current weather in a city.",
    parameters: {
      type: "object",
      properties: { location: { type: "string", description: "City name" } },
      required: ["location"],
    },
  },
};

/** The model calls a tool in a stream, gets its result, and answers in text. */
export const toolCallFeature: Feature<HostContext> = {
  id: "tool-call",
  title: "tool-call round trip",
  async run(ctx, signal) {
    const provider = ctx.provider();
    const question = { role: "user" as const, content: "What is the weather in Hangzhou?" };
    const stream = provider.stream(
      {
        messages: [question],
        tools: [WEATHER_TOOL],
        tool_choice: { type: "function", function: { name: WEATHER_TOOL.function.name } },
        max_tokens: MAX_TOKENS,
        thinking: { enabled: false },
      },
      { signal },
    );
    let deltas = 0;
    for await (const event of stream) if (event.type === "tool-call-delta") deltas++;
    const first = await stream.result;
    check(first.finishReason === "tool_calls", `finish ${first.finishReason}`);
    check(first.toolCalls.length === 1, `${first.toolCalls.length} tool calls (${deltas} deltas)`);
    const [call] = first.toolCalls;
    check(call?.name === WEATHER_TOOL.function.name && call.id.length > 0, "tool call without name or id");
    check(call.parsed.ok, `arguments are not JSON: ${call.arguments}`);
    const answer = await provider.chat(
      {
        messages: [
          question,
          {
            role: "assistant",
            content: null,
            tool_calls: [
              { id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } },
            ],
          },
          { role: "tool", tool_call_id: call.id, content: '{"temperature_c":21,"sky":"clear"}' },
        ],
        tools: [WEATHER_TOOL],
        max_tokens: MAX_TOKENS,
        thinking: { enabled: false },
      },
      { signal },
    );
    check(answer.toolCalls.length === 0 && answer.text.length > 0, "no text answer after the tool result");
    return `${call.name}(${call.arguments}) in ${deltas} deltas, then ${answer.usage?.outputTokens} tokens`;
  },
};
