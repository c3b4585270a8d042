import { describe, expect, it } from "vitest";
import { maskField, maskUrl } from "./mask-key.js";

describe("maskField", () => {
  it.each([
    ["authorization", "Bearer sk-0123456789abcdefa1b2", "Bearer sk-…a1b2"],
    ["authorization", "bearer   sk-sp-0123456789abcdefc3d4", "bearer   sk-sp-…c3d4"],
    ["authorization", "Bearer sk-short", "Bearer …"],
    ["Authorization", "Basic dXNlcjpwYXNzd29yZDEyMzQ1Njc4", "Basic …Njc4"],
    ["X-Api-Key", "sk-0123456789abcdefa1b2", "sk-…a1b2"],
    ["api-key", "sk-sp-0123456789abcdefc3d4", "sk-sp-…c3d4"],
    ["proxy-authorization", "Basic dXNlcjpwYXNzd29yZDEyMzQ1Njc4", "Basic …Njc4"],
    ["api-key", "any-secret-0123456789abcd", "…abcd"],
    ["x-trace", "sk-0123456789abcdefa1b2 leaked", "sk-…a1b2 leaked"],
  ])("masks %s: %s", (name, value, masked) => {
    expect(maskField(name, value)).toBe(masked);
  });

  it("keeps other headers as sent", () => {
    expect(maskField("x-trace", "t-1")).toBe("t-1");
  });
});

describe("maskUrl", () => {
  const KEY = "sk-0123456789abcdefa1b2";
  it.each([
    [`https://h/v1/models?api_key=${KEY}`, "https://h/v1/models?api_key=sk-…a1b2"],
    [`https://h/v1/models?key=${KEY}&limit=5`, "https://h/v1/models?key=sk-…a1b2&limit=5"],
    [`https://h/v1/models?API-KEY=${KEY}#top`, "https://h/v1/models?API-KEY=sk-…a1b2#top"],
    ["https://h/v1/models?access_token=opaque-token-0123456789ab", "https://h/v1/models?access_token=…89ab"],
    [`https://h/v1/models?anything=${KEY}`, "https://h/v1/models?anything=sk-…a1b2"],
    [`https://h/v1/models?api%5Fkey=${encodeURIComponent(KEY)}`, "https://h/v1/models?api%5Fkey=sk-…a1b2"],
    ["https://h/v1/models?limit=5&flag", "https://h/v1/models?limit=5&flag"],
    ["https://h/v1/models", "https://h/v1/models"],
  ])("masks key-like query parameters of %s", (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
    expect(maskUrl(url)).not.toContain("0123456789");
  });
});
