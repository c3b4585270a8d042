import { describe, expect, it } from "vitest";
import { parseModelRef } from "./model-ref.js";
import { errorOf } from "./test-utils/error-of.js";

describe("parseModelRef", () => {
  it.each([
    ["qwen/qwen3.5-plus", "qwen3.5-plus"],
    ["qwen3.5-plus", "qwen3.5-plus"],
    ["modelstudio/qwen3-coder-plus", "qwen3-coder-plus"],
    ["qwencloud/glm-5", "glm-5"],
    ["dashscope/kimi-k2.5", "kimi-k2.5"],
    ["QWEN/qwen3.6-plus", "qwen3.6-plus"],
    ["ModelStudio/MiniMax-M2.5", "MiniMax-M2.5"],
    ["MiniMax-M2.5", "MiniMax-M2.5"],
    ["  qwen / glm-4.7  ", "glm-4.7"],
    ["qwen/org/model", "org/model"],
    ["qwen/Qwen/Qwen3-32B", "Qwen/Qwen3-32B"],
    ["qwen3-max-2026-01-23", "qwen3-max-2026-01-23"],
  ])("%j → qwen/%s (id case preserved)", (input, modelId) => {
    expect(parseModelRef(input)).toEqual({ provider: "qwen", modelId, ref: `qwen/${modelId}` });
  });

  it.each([
    ["openai/gpt-5", "openai"],
    ["anthropic/claude-sonnet-4", "anthropic"],
    ["bailian/qwen3.5-plus", "bailian"],
    ["OpenRouter/qwen/qwen3.5-plus", "OpenRouter"],
  ])("%j is a foreign ref naming %s", (input, provider) => {
    const error = errorOf(() => parseModelRef(input));
    expect(error.kind).toBe("foreign-model-ref");
    expect(error.message).toContain(`"${provider}"`);
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["qwen/", "model id is missing"],
    ["modelstudio/  ", "model id is missing"],
    ["/qwen3.5-plus", "provider before the / is missing"],
    ["qwen/qwen3.5 plus", "whitespace"],
    ["qwen//x", "empty segment"],
    ["qwen/x/", "empty segment"],
    ["qwen/a//b", "empty segment"],
    ["qwen3.5-plus\u0000", "control"],
  ])("%j is invalid (%s)", (input, reason) => {
    const error = errorOf(() => parseModelRef(input));
    expect(error.kind).toBe("invalid-model-ref");
    expect(error.message).toContain(reason);
  });

  it("rejects a value that is not a string", () => {
    expect(errorOf(() => parseModelRef(null as unknown as string)).kind).toBe("invalid-model-ref");
  });
});
