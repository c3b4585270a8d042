import { InvalidArgumentError } from "@ai-sdk/provider";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChatOptions } from "./provider-options.js";

describe("parseChatOptions", () => {
  it("sends DashScope's own options under their wire names and keeps the interpreted ones out of the body", () => {
    const parsed = parseChatOptions({
      enableThinking: true,
      thinkingBudget: 2048,
      preserveThinking: true,
      enableSearch: true,
      searchOptions: { forced_search: true },
      parallelToolCalls: true,
      vlHighResolutionImages: false,
      structuredOutputs: false,
    });
    expect(parsed.bodyFields).toEqual({
      preserve_thinking: true,
      enable_search: true,
      search_options: { forced_search: true },
      parallel_tool_calls: true,
      vl_high_resolution_images: false,
    });
    expect(parsed.options).toMatchObject({
      enableThinking: true,
      thinkingBudget: 2048,
      structuredOutputs: false,
    });
    expect(parsed.warnings).toEqual([]);
  });

  it("reads nothing from no options", () => {
    expect(parseChatOptions(undefined)).toEqual({ options: {}, bodyFields: {}, warnings: [] });
  });

  it("warns about an unknown option instead of sending it", () => {
    const parsed = parseChatOptions({ enable_thinking: true, topLogprobs: 3 });
    expect(parsed.bodyFields).toEqual({});
    expect(parsed.warnings).toEqual([
      { type: "unsupported", feature: "providerOptions.qwen.enable_thinking" },
      { type: "unsupported", feature: "providerOptions.qwen.topLogprobs" },
    ]);
  });

  it.each([
    ["enableThinking", "yes", "must be a boolean, got a string"],
    ["thinkingBudget", 0, "must be a positive integer, got 0"],
    ["thinkingBudget", 1.5, "must be a positive integer, got 1.5"],
    ["searchOptions", ["forced_search"], "must be an object, got an array"],
    ["parallelToolCalls", null, "must be a boolean, got null"],
  ])("rejects %s = %j before any request", (name, value, message) => {
    const parse = () => parseChatOptions({ [name]: value });
    expect(parse).toThrow(InvalidArgumentError);
    expect(parse).toThrow(`providerOptions.qwen.${name} ${message}`);
  });

  it("never quotes a rejected string (it may be anything, a key included)", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        try {
          parseChatOptions({ enableSearch: value });
          expect.unreachable();
        } catch (error) {
          expect(InvalidArgumentError.isInstance(error)).toBe(true);
          expect((error as Error).message).toBe(
            "providerOptions.qwen.enableSearch must be a boolean, got a string.",
          );
        }
      }),
    );
  });
});
