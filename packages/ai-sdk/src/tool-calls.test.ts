import { generateText, isStepCount, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createQwen } from "./index.js";
import { ENDPOINT_PER_FAMILY, settingsFor } from "./test-utils/endpoints.js";
import { lastBody, useDashscopeMock } from "./test-utils/mock.js";

const mock = useDashscopeMock();

const weather = tool({
  description: "Current weather of a city",
  inputSchema: z.object({ location: z.string() }),
});
const time = tool({
  description: "Current time in a city",
  inputSchema: z.object({ city: z.string() }),
});

const CALL_ID = /^call_[0-9a-f]+$/;

describe.each(ENDPOINT_PER_FAMILY.map((endpoint) => ({ family: endpoint.family, endpoint })))(
  "on a $family host",
  ({ endpoint }) => {
    const qwen = createQwen(settingsFor(endpoint));
    // Thinking off keeps these streams to the tool call; thinking in a loop is tested below.
    const providerOptions = { qwen: { enableThinking: false } };

    it("streams a tool call's input, then the call, and finishes with tool-calls", async () => {
      const result = streamText({
        model: qwen(),
        prompt: "What is the weather in Hangzhou? Use get_weather.",
        tools: { get_weather: weather },
        providerOptions,
        maxRetries: 0,
      });
      const parts = [];
      for await (const part of result.fullStream) {
        if (part.type.startsWith("tool-")) parts.push(part);
      }
      const [start, ...rest] = parts;
      const call = rest.at(-1);
      if (start?.type !== "tool-input-start") throw new Error(`the first tool part is ${start?.type}`);
      expect(start).toMatchObject({
        type: "tool-input-start",
        toolName: "get_weather",
        id: expect.stringMatching(CALL_ID),
      });
      expect(rest.at(-2)).toEqual({ type: "tool-input-end", id: start.id });
      const deltas = rest.filter((part) => part.type === "tool-input-delta");
      expect(deltas.length).toBeGreaterThan(0);
      expect(call).toMatchObject({ type: "tool-call", toolCallId: start.id, toolName: "get_weather" });
      const input = deltas.map((part) => (part.type === "tool-input-delta" ? part.delta : "")).join("");
      expect(call?.type === "tool-call" && call.input).toEqual(JSON.parse(input));
      expect(await result.finishReason).toBe("tool-calls");
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
    });

    it("runs a tool loop: call, result, answer", async () => {
      const result = await generateText({
        model: qwen(),
        prompt: "What is the weather in Hangzhou? Use get_weather.",
        tools: {
          get_weather: tool({ ...weather, execute: async ({ location }) => ({ location, temperature: 21 }) }),
        },
        stopWhen: isStepCount(3),
        providerOptions,
        maxRetries: 0,
      });
      expect(result.steps.map((step) => step.finishReason)).toEqual(["tool-calls", "stop"]);
      const [call] = result.steps[0]?.toolCalls ?? [];
      if (call === undefined) throw new Error("no tool call in the first step");
      expect(result.steps[0]?.toolResults).toEqual([
        expect.objectContaining({
          toolCallId: call?.toolCallId,
          output: expect.objectContaining({ temperature: 21 }),
        }),
      ]);
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.totalUsage.inputTokens).toBe(
        result.steps.reduce((sum, step) => sum + (step.usage.inputTokens ?? 0), 0),
      );
      const messages = lastBody(mock).messages as Record<string, unknown>[];
      expect(messages.slice(1)).toEqual([
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: call?.toolCallId,
              type: "function",
              function: { name: "get_weather", arguments: JSON.stringify(call?.input) },
            },
          ],
        },
        {
          role: "tool",
          tool_call_id: call?.toolCallId,
          content: JSON.stringify({
            location: (call.input as { location: string }).location,
            temperature: 21,
          }),
        },
      ]);
    });
  },
);

describe("tool choice", () => {
  const endpoint = ENDPOINT_PER_FAMILY[0];
  if (endpoint === undefined) throw new Error("no endpoint");
  const qwen = createQwen(settingsFor(endpoint, "qwen3-coder-plus"));
  const tools = { get_weather: weather, get_time: time };

  it.each([
    {
      choice: "auto",
      prompt: "Weather in Hangzhou? Use get_weather.",
      wire: "auto",
      called: ["get_weather"],
    },
    { choice: "none", prompt: "Weather in Hangzhou? Use get_weather.", wire: "none", called: [] },
    { choice: "required", prompt: "Hello there.", wire: "required", called: ["get_weather"] },
    {
      choice: { type: "tool", toolName: "get_time" },
      prompt: "Hello there.",
      wire: { type: "function", function: { name: "get_time" } },
      called: ["get_time"],
    },
  ] as const)("sends $choice as $wire", async ({ choice, prompt, wire, called }) => {
    const result = streamText({ model: qwen(), prompt, tools, toolChoice: choice, maxRetries: 0 });
    const calls = (await result.toolCalls).map((call) => call.toolName);
    expect(calls).toEqual(called);
    expect(lastBody(mock).tool_choice).toEqual(wire);
    expect(lastBody(mock).tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather of a city",
          parameters: expect.objectContaining({ type: "object", required: ["location"] }),
        },
      },
      {
        type: "function",
        function: {
          name: "get_time",
          description: "Current time in a city",
          parameters: expect.objectContaining({ type: "object", required: ["city"] }),
        },
      },
    ]);
  });

  it("sends no tools and no tool choice when the call has none", async () => {
    await generateText({ model: qwen(), prompt: "Hi", tools: {}, toolChoice: "auto", maxRetries: 0 });
    expect(lastBody(mock)).not.toHaveProperty("tools");
    expect(lastBody(mock)).not.toHaveProperty("tool_choice");
  });

  it("sends a thinking model's reasoning back with its tool call in the loop", async () => {
    const thinking = createQwen(settingsFor(endpoint, "qwen3.5-plus"));
    const result = await generateText({
      model: thinking(),
      prompt: "What time is it in Hangzhou? Use get_time.",
      tools: { get_time: tool({ ...time, execute: async () => "09:30" }) },
      providerOptions: { qwen: { enableThinking: true } },
      stopWhen: isStepCount(3),
      maxRetries: 0,
    });
    const firstStep = result.steps[0];
    expect(firstStep?.reasoningText?.length).toBeGreaterThan(0);
    const [, assistant] = lastBody(mock).messages as Record<string, unknown>[];
    expect(assistant).toMatchObject({ role: "assistant", reasoning_content: firstStep?.reasoningText });
  });

  it("streams parallel calls, each with its own id, when parallelToolCalls is on", async () => {
    const result = streamText({
      model: qwen(),
      prompt: "Use get_weather and get_time for Hangzhou.",
      tools,
      providerOptions: { qwen: { parallelToolCalls: true } },
      maxRetries: 0,
    });
    const starts: string[] = [];
    const ends: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === "tool-input-start") starts.push(part.id);
      if (part.type === "tool-input-end") ends.push(part.id);
    }
    const calls = await result.toolCalls;
    expect(calls.map((call) => call.toolName).sort()).toEqual(["get_time", "get_weather"]);
    expect(new Set(calls.map((call) => call.toolCallId)).size).toBe(2);
    expect(starts).toEqual(calls.map((call) => call.toolCallId));
    expect(ends.sort()).toEqual([...starts].sort());
    expect(lastBody(mock)).toMatchObject({ parallel_tool_calls: true });
  });

  it("streams a multi-step loop and ends with the answer", async () => {
    const result = streamText({
      model: qwen(),
      prompt: "What time is it in Hangzhou? Use get_time.",
      tools: { get_time: tool({ ...time, execute: async () => "09:30" }) },
      stopWhen: isStepCount(3),
      maxRetries: 0,
    });
    const steps = await result.steps;
    expect(steps.map((step) => step.finishReason)).toEqual(["tool-calls", "stop"]);
    expect((await result.text).length).toBeGreaterThan(0);
    expect(mock.recorder.requests.map((request) => (request.body as { stream?: boolean }).stream)).toEqual([
      true,
      true,
    ]);
  });
});
