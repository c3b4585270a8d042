import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { toChatMessages } from "./messages.js";

const TOOL_ROUND: LanguageModelV4Prompt = [
  { role: "system", content: "Be brief." },
  { role: "user", content: [{ type: "text", text: "Weather in Hangzhou?" }] },
  {
    role: "assistant",
    content: [
      { type: "reasoning", text: "I should call the tool." },
      { type: "tool-call", toolCallId: "call_1", toolName: "get_weather", input: { location: "Hangzhou" } },
    ],
  },
  {
    role: "tool",
    content: [
      {
        type: "tool-result",
        toolCallId: "call_1",
        toolName: "get_weather",
        output: { type: "json", value: { temperature: 21 } },
      },
    ],
  },
];

describe("toChatMessages", () => {
  it("converts a tool round: the call with its reasoning, the result as a tool message", () => {
    expect(toChatMessages(TOOL_ROUND, { preserveThinking: false })).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Weather in Hangzhou?" },
      {
        role: "assistant",
        content: null,
        reasoning_content: "I should call the tool.",
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"location":"Hangzhou"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: '{"temperature":21}' },
    ]);
  });

  it("drops the reasoning of earlier turns unless preserveThinking asks for it", () => {
    const prompt: LanguageModelV4Prompt = [
      { role: "user", content: [{ type: "text", text: "Hi" }] },
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "A greeting." },
          { type: "text", text: "Hello!" },
        ],
      },
      { role: "user", content: [{ type: "text", text: "Bye" }] },
    ];
    expect(toChatMessages(prompt, { preserveThinking: false })[1]).toEqual({
      role: "assistant",
      content: "Hello!",
    });
    expect(toChatMessages(prompt, { preserveThinking: true })[1]).toEqual({
      role: "assistant",
      content: "Hello!",
      reasoning_content: "A greeting.",
    });
  });

  it("sends text and images of a user turn as content parts", () => {
    const url = new URL("https://example.com/cat.png");
    expect(
      toChatMessages(
        [
          {
            role: "user",
            content: [
              { type: "text", text: "What is this?" },
              { type: "file", mediaType: "image/png", data: { type: "url", url } },
            ],
          },
        ],
        { preserveThinking: false },
      ),
    ).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
        ],
      },
    ]);
  });

  it.each<[LanguageModelV4ToolResultOutput, string]>([
    [{ type: "text", value: "21 °C" }, "21 °C"],
    [{ type: "error-text", value: "city unknown" }, "city unknown"],
    [{ type: "error-json", value: { error: "city unknown" } }, '{"error":"city unknown"}'],
    [{ type: "execution-denied", reason: "not allowed" }, "not allowed"],
    [{ type: "execution-denied" }, "The tool call was not executed: the user denied it."],
    [{ type: "content", value: [{ type: "text", text: "21 °C" }] }, '[{"type":"text","text":"21 °C"}]'],
  ])("sends a tool output of type %j as text", (output, content) => {
    const [message] = toChatMessages(
      [{ role: "tool", content: [{ type: "tool-result", toolCallId: "call_1", toolName: "t", output }] }],
      { preserveThinking: false },
    );
    expect(message).toEqual({ role: "tool", tool_call_id: "call_1", content });
  });

  it("leaves out an assistant turn with nothing to send and tool approvals", () => {
    expect(
      toChatMessages(
        [
          { role: "assistant", content: [] },
          { role: "tool", content: [{ type: "tool-approval-response", approvalId: "a", approved: true }] },
        ],
        { preserveThinking: false },
      ),
    ).toEqual([]);
  });
});
