import { describe, expect, it } from "vitest";
import { captureFrames } from "../../../fixtures/wire/captures.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { chatRequest, HOSTS, streamed } from "./test-utils/hosts.js";
import { jsonFrames, readSse, type SseEvent, shapeOf } from "./test-utils/sse.js";

const TEXT = captureFrames("stream-text-with-usage");
const REASONING = captureFrames("stream-reasoning");
const TOOL = captureFrames("stream-tool-call");

const STANDARD = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1";
const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_current_weather",
    description: "Weather of a city",
    parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
};

async function stream(body: unknown, baseUrl = STANDARD, key?: string) {
  const mock = createDashscopeMockHandler({ extraModels: ["qwen-plus"] });
  const response = await mock.handle(chatRequest(baseUrl, body, key === undefined ? {} : { key }));
  expect(response.status).toBe(200);
  const events = await readSse(response);
  return { response, events, frames: jsonFrames(events) };
}

/** The frames' structures; the content frames of a run collapse to one, since their number varies. */
function expectShapes(frames: readonly unknown[], expected: readonly unknown[]) {
  expect(frames.map(shapeOf)).toEqual(expected.map(shapeOf));
}

const choice = (frame: Record<string, unknown>) => (frame.choices as Record<string, unknown>[])[0] ?? {};
const delta = (frame: Record<string, unknown>) => choice(frame).delta as Record<string, unknown>;
const doneCount = (events: readonly SseEvent[]) => events.filter((event) => event.kind === "done").length;

describe("streamed text (stream-text-with-usage.sse)", () => {
  it("sends the role frame, content frames, a separate finish frame, the usage frame, then one [DONE]", async () => {
    const { events, frames } = await stream(streamed("qwen-plus"));
    const [role, content, finish, usage] = TEXT;
    const middle = frames.slice(1, -2);
    expect(middle.length).toBeGreaterThan(0);
    expectShapes(frames, [role, ...middle.map(() => content), finish, usage]);
    expect(events.at(-1)).toEqual({ kind: "done" });
    expect(doneCount(events)).toBe(1);
  });

  it("keeps the fixture's nulls and constants on every chunk", async () => {
    const { frames, response } = await stream(streamed("qwen-plus"));
    const uuid = response.headers.get("x-request-id");
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-9[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const frame of frames) {
      expect(frame).toMatchObject({
        object: "chat.completion.chunk",
        system_fingerprint: null,
        model: "qwen-plus",
        id: `chatcmpl-${uuid}`,
        created: frames[0]?.created,
      });
    }
    for (const frame of frames.slice(0, -1)) {
      expect(frame.usage).toBeNull();
      expect(choice(frame).logprobs).toBeNull();
    }
    expect(delta(frames[0] ?? {})).toEqual({ content: "", role: "assistant" });
    expect(choice(frames.at(-2) ?? {})).toMatchObject({ finish_reason: "stop", delta: { content: "" } });
    expect(frames.at(-1)?.choices).toEqual([]);
  });

  it("sends no usage frame, and usage null on every chunk, unless stream_options.include_usage is true", async () => {
    for (const extra of [{ stream_options: undefined }, { stream_options: { include_usage: false } }]) {
      const { frames, events } = await stream(streamed("qwen-plus", extra));
      const [role, content, finish] = TEXT;
      expectShapes(frames, [role, ...frames.slice(1, -1).map(() => content), finish]);
      expect(frames.every((frame) => "usage" in frame && frame.usage === null)).toBe(true);
      expect(events.at(-1)).toEqual({ kind: "done" });
    }
  });

  it.each(HOSTS)("has the same structure on $host", async ({ baseUrl, key, model }) => {
    const { frames } = await stream(streamed(model), baseUrl, key);
    const [role, content, finish, usage] = TEXT;
    expectShapes(frames, [role, ...frames.slice(1, -2).map(() => content), finish, usage]);
  });
});

describe("streamed reasoning (stream-reasoning.sse)", () => {
  it("sends reasoning frames (content null) first, then content frames (reasoning_content null)", async () => {
    const { frames } = await stream(streamed("qwen3.6-plus"));
    const [firstReasoning, finish, usage] = REASONING;
    expectShapes([frames[0], frames.at(-2), frames.at(-1)], [firstReasoning, finish, usage]);
    const body = frames.slice(1, -2).map(delta);
    const firstContent = body.findIndex((d) => d.reasoning_content === null);
    expect(firstContent).toBeGreaterThan(0);
    for (const d of body.slice(0, firstContent)) {
      expect(Object.keys(d)).toEqual(["content", "reasoning_content"]);
      expect(d.content).toBeNull();
      expect(typeof d.reasoning_content).toBe("string");
    }
    for (const d of body.slice(firstContent)) {
      expect(Object.keys(d)).toEqual(["content", "reasoning_content"]);
      expect(typeof d.content).toBe("string");
      expect(d.reasoning_content).toBeNull();
    }
  });

  it("counts reasoning inside completion tokens, with the fixture's details", async () => {
    const { frames } = await stream(streamed("qwen3.6-plus"));
    const reasoning = frames.filter((frame) => typeof delta(frame)?.reasoning_content === "string").length;
    const content = frames.filter((frame) => {
      const text = choice(frame).delta === undefined ? undefined : delta(frame).content;
      return typeof text === "string" && text !== "";
    }).length;
    const usage = frames.at(-1)?.usage as Record<string, unknown>;
    expect(usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: reasoning + content,
      total_tokens: (usage.prompt_tokens as number) + reasoning + content,
      completion_tokens_details: { reasoning_tokens: reasoning, text_tokens: reasoning + content },
      prompt_tokens_details: { text_tokens: usage.prompt_tokens },
    });
  });

  it.each([
    ["qwen3.5-plus (hybrid, on by default)", "qwen3.5-plus", {}, true],
    ["qwen3.5-plus with enable_thinking false", "qwen3.5-plus", { enable_thinking: false }, false],
    ["qwen3-max (hybrid, off by default)", "qwen3-max-2026-01-23", {}, false],
    ["qwen3-max with enable_thinking true", "qwen3-max-2026-01-23", { enable_thinking: true }, true],
    ["MiniMax-M2.5 (always)", "MiniMax-M2.5", { enable_thinking: false }, true],
    ["qwen3-coder-plus (never)", "qwen3-coder-plus", { enable_thinking: true }, false],
  ])("%s thinks: %s", async (_label, model, extra, thinking) => {
    const { frames } = await stream(streamed(model, extra));
    expect("reasoning_content" in delta(frames[0] ?? {})).toBe(thinking);
  });
});

describe("streamed tool call (stream-tool-call.sse)", () => {
  const body = {
    model: "qwen-plus",
    messages: [{ role: "user", content: "What is the weather? Use get_current_weather." }],
    tools: [WEATHER_TOOL],
    stream: true,
  };

  it("sends the first delta with id and name, follow-ups with id '' and type function, then finish tool_calls", async () => {
    const { frames, events } = await stream(body);
    const [first, followUp, finish] = TOOL;
    expectShapes(frames, [first, ...frames.slice(1, -1).map(() => followUp), finish]);
    expect(events.at(-1)).toEqual({ kind: "done" });
    const calls = frames
      .slice(0, -1)
      .map((frame) => (delta(frame).tool_calls as Record<string, unknown>[])[0]);
    expect(calls[0]).toMatchObject({ index: 0, type: "function", function: { name: "get_current_weather" } });
    expect(calls[0]?.id).toMatch(/^call_[0-9a-f]{22}$/);
    for (const call of calls.slice(1)) expect(call).toMatchObject({ id: "", type: "function", index: 0 });
    expect(choice(frames.at(-1) ?? {})).toEqual({
      finish_reason: "tool_calls",
      delta: {},
      index: 0,
      logprobs: null,
    });
  });

  it("splits JSON arguments that join to the whole call, the first fragment ending after the first key", async () => {
    const { frames } = await stream(body);
    const fragments = frames
      .slice(0, -1)
      .map(
        (frame) =>
          (delta(frame).tool_calls as { function: { arguments: string } }[])[0]?.function.arguments ?? "",
      );
    expect(fragments[0]).toBe('{"location":');
    expect(JSON.parse(fragments.join(""))).toEqual({ location: expect.any(String) });
  });

  it("puts the role on the first reasoning frame when a thinking model calls a tool", async () => {
    const { frames } = await stream({ ...body, model: "qwen3.6-plus" });
    expectShapes([frames[0]], [REASONING[0]]);
    const firstTool = frames.find((frame) => delta(frame)?.tool_calls !== undefined) ?? {};
    expect(Object.keys(delta(firstTool))).toEqual(["content", "reasoning_content", "tool_calls"]);
    expect(choice(frames.at(-1) ?? {}).finish_reason).toBe("tool_calls");
  });
});
