import { describe, expect, it } from "vitest";
import { CATALOG, CODING_PLAN_MODELS, DEFAULT_MODEL_REF } from "./catalog.js";

describe("bundled catalog", () => {
  it.each([
    ["qwen3.5-plus", ["text", "image"], 1_000_000, 65_536],
    ["qwen3.6-plus", ["text", "image"], 1_000_000, 65_536],
    ["qwen3-max-2026-01-23", ["text"], 262_144, 65_536],
    ["qwen3-coder-next", ["text"], 262_144, 65_536],
    ["qwen3-coder-plus", ["text"], 1_000_000, 65_536],
    ["MiniMax-M2.5", ["text"], 1_000_000, 65_536],
    ["glm-5", ["text"], 202_752, 16_384],
    ["glm-4.7", ["text"], 202_752, 16_384],
    ["kimi-k2.5", ["text", "image"], 262_144, 32_768],
  ])("%s: input %j, context %i, max output %i", (id, input, contextWindow, maxOutputTokens) => {
    const model = CATALOG.find((m) => m.id === id);
    expect(model).toMatchObject({ input, contextWindow, maxOutputTokens });
  });

  it("holds exactly the nine documented models", () => {
    expect(CATALOG.map((m) => m.id)).toHaveLength(9);
  });

  it("defaults to qwen3.5-plus", () => {
    expect(DEFAULT_MODEL_REF).toBe("qwen/qwen3.5-plus");
  });

  it("lists the March 2026 Coding Plan models, without qwen3.6-plus", () => {
    expect([...CODING_PLAN_MODELS].sort()).toEqual(
      [
        "qwen3.5-plus",
        "qwen3-max-2026-01-23",
        "qwen3-coder-next",
        "qwen3-coder-plus",
        "glm-5",
        "glm-4.7",
        "kimi-k2.5",
        "MiniMax-M2.5",
      ].sort(),
    );
  });
});
