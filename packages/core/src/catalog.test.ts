import { describe, expect, it } from "vitest";
import { CATALOG, DEFAULT_MODEL_REF, modelInfo } from "./catalog.js";

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
});

describe("modelInfo", () => {
  it("returns the catalog entry for a known id", () => {
    expect(modelInfo("glm-5")).toMatchObject({
      id: "glm-5",
      contextWindow: 202_752,
      maxOutputTokens: 16_384,
      known: true,
    });
  });

  it("gives an unknown model the documented defaults under its own id", () => {
    expect(modelInfo("qwen-future-9")).toMatchObject({
      id: "qwen-future-9",
      input: ["text"],
      contextWindow: 262_144,
      maxOutputTokens: 65_536,
      known: false,
    });
  });

  it("is case-sensitive, like DashScope model ids", () => {
    expect(modelInfo("MiniMax-M2.5").known).toBe(true);
    expect(modelInfo("minimax-m2.5").known).toBe(false);
  });
});
