import { describe, expect, it } from "vitest";
import { normalizeProviderId, QWEN_PROVIDER_ALIASES, QWEN_PROVIDER_ID } from "./provider-id.js";

describe("normalizeProviderId", () => {
  it("has qwen as the canonical id and the three documented aliases", () => {
    expect(QWEN_PROVIDER_ID).toBe("qwen");
    expect(QWEN_PROVIDER_ALIASES).toEqual(["modelstudio", "qwencloud", "dashscope"]);
  });

  it.each([
    "qwen",
    "modelstudio",
    "qwencloud",
    "dashscope",
    "QWEN",
    "ModelStudio",
    "QwenCloud",
    "DashScope",
    "  qwen  ",
    "\tdashscope\n",
  ])("%j → qwen", (id) => {
    expect(normalizeProviderId(id)).toBe("qwen");
  });

  it.each([
    "",
    " ",
    "bailian",
    "my-qwen",
    "openai",
    "qwen-cloud",
    "model studio",
    "dash-scope",
    "qwen/",
    "qwen3",
  ])("%j → undefined", (id) => {
    expect(normalizeProviderId(id)).toBeUndefined();
  });

  it("returns undefined for a value that is not a string", () => {
    expect(normalizeProviderId(undefined as unknown as string)).toBeUndefined();
    expect(normalizeProviderId({} as unknown as string)).toBeUndefined();
  });
});
