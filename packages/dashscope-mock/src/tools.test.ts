import { describe, expect, it } from "vitest";
import type { ToolDefinition } from "./chat-request.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { chatRequest, testHost } from "./test-utils/hosts.js";
import { jsonFrames, readSse } from "./test-utils/sse.js";
import { chooseTools } from "./tools.js";

const tool = (name: string): ToolDefinition => ({
  name,
  parameters: { type: "object", properties: { city: { type: "string" } } },
});
const TOOLS = [tool("get_weather"), tool("get_time"), tool("book_flight")];
const user = (content: string) => [{ role: "user", content }];

describe("chooseTools", () => {
  it.each<
    [
      string,
      { toolChoice?: unknown; parallelToolCalls?: boolean; messages: { role: string; content: unknown }[] },
      string[],
    ]
  >([
    ["no tool named, auto", { messages: user("Hello") }, []],
    ["a tool named in the prompt", { messages: user("Please get_time now") }, ["get_time"]],
    [
      "two named, one call without parallel_tool_calls",
      { messages: user("get_time and get_weather") },
      ["get_weather"],
    ],
    [
      "two named, parallel",
      { messages: user("get_time and get_weather"), parallelToolCalls: true },
      ["get_weather", "get_time"],
    ],
    [
      "required with none named: the first",
      { messages: user("Hello"), toolChoice: "required" },
      ["get_weather"],
    ],
    [
      "required with one named: that one",
      { messages: user("book_flight"), toolChoice: "required" },
      ["book_flight"],
    ],
    [
      "a named function wins over the prompt",
      { messages: user("get_time"), toolChoice: { type: "function", function: { name: "book_flight" } } },
      ["book_flight"],
    ],
    ["none never calls", { messages: user("get_time"), toolChoice: "none" }, []],
    [
      "a tool result last: text (auto)",
      { messages: [...user("get_time"), { role: "tool", content: "12:00" }] },
      [],
    ],
    [
      "a tool result last with required: still a call",
      { messages: [{ role: "tool", content: "12:00" }], toolChoice: "required" },
      ["get_weather"],
    ],
    [
      "text parts of a content array",
      { messages: [{ role: "user", content: [{ type: "text", text: "get_time" }] }] },
      ["get_time"],
    ],
  ])("%s", (_label, request, expected) => {
    const chosen = chooseTools({ tools: TOOLS, toolChoice: undefined, parallelToolCalls: false, ...request });
    expect(chosen.map((t) => t.name)).toEqual(expected);
  });
});

const HOST = testHost("dashscope-intl.aliyuncs.com");
const wire = TOOLS.map((t) => ({ type: "function", function: { name: t.name, parameters: t.parameters } }));

describe("parallel tool calls", () => {
  const body = {
    model: "qwen-plus",
    messages: user("get_weather in Paris, then get_time there"),
    tools: wire,
    parallel_tool_calls: true,
  };

  it("calls every tool the prompt names, with distinct indexes and ids", async () => {
    const response = await createDashscopeMockHandler().handle(
      chatRequest(HOST.baseUrl, body, { key: HOST.key }),
    );
    const json = (await response.json()) as {
      choices: {
        message: {
          tool_calls: { index: number; id: string; function: { name: string; arguments: string } }[];
        };
        finish_reason: string;
      }[];
    };
    const calls = json.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => [call.index, call.function.name])).toEqual([
      [0, "get_weather"],
      [1, "get_time"],
    ]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    for (const call of calls)
      expect(JSON.parse(call.function.arguments)).toEqual({ city: expect.any(String) });
    expect(json.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("streams each call's deltas under its own index, and they assemble to whole calls", async () => {
    const mock = createDashscopeMockHandler();
    const request = chatRequest(HOST.baseUrl, { ...body, stream: true }, { key: HOST.key });
    const frames = jsonFrames(await readSse(await mock.handle(request))) as {
      choices: {
        delta: {
          tool_calls?: { index: number; id: string; function: { name?: string; arguments: string } }[];
        };
      }[];
    }[];
    const assembled = new Map<number, { id: string; name: string; arguments: string }>();
    for (const frame of frames) {
      for (const delta of frame.choices[0]?.delta.tool_calls ?? []) {
        const call = assembled.get(delta.index) ?? { id: "", name: "", arguments: "" };
        // An id that is present but empty continues the call, as clients must read it.
        assembled.set(delta.index, {
          id: delta.id === "" ? call.id : delta.id,
          name: call.name + (delta.function.name ?? ""),
          arguments: call.arguments + delta.function.arguments,
        });
      }
    }
    const calls = [...assembled.entries()];
    expect(calls.map(([index, call]) => [index, call.name])).toEqual([
      [0, "get_weather"],
      [1, "get_time"],
    ]);
    expect(new Set(calls.map(([, call]) => call.id)).size).toBe(2);
    for (const [, call] of calls) {
      expect(call.id).toMatch(/^call_[0-9a-f]{22}$/);
      expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String) });
    }
  });

  it("makes one call without parallel_tool_calls", async () => {
    const response = await createDashscopeMockHandler().handle(
      chatRequest(HOST.baseUrl, { ...body, parallel_tool_calls: false }, { key: HOST.key }),
    );
    const json = (await response.json()) as { choices: { message: { tool_calls: unknown[] } }[] };
    expect(json.choices[0]?.message.tool_calls).toHaveLength(1);
  });
});
