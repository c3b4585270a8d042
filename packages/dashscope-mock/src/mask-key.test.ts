import { describe, expect, it } from "vitest";
import { maskApiKey, maskAuthorization } from "./mask-key.js";

describe("maskApiKey", () => {
  it.each([
    ["sk-0123456789abcdefa1b2", "sk-…a1b2"],
    ["sk-sp-0123456789abcdefc3d4", "sk-sp-…c3d4"],
    ["other-0123456789e5f6", "…e5f6"],
    ["sk-short", "…"],
    ["", "…"],
  ])("masks %j as %j", (key, masked) => {
    expect(maskApiKey(key)).toBe(masked);
  });
});

describe("maskAuthorization", () => {
  it.each([
    ["Bearer sk-0123456789abcdefa1b2", "Bearer sk-…a1b2"],
    ["bearer   sk-sp-0123456789abcdefc3d4", "bearer   sk-sp-…c3d4"],
    ["sk-0123456789abcdefa1b2", "sk-…a1b2"],
  ])("masks %j as %j", (value, masked) => {
    expect(maskAuthorization(value)).toBe(masked);
  });
});
