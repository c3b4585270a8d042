import { describe, expect, it } from "vitest";
import { maskAuthorization } from "./mask-key.js";

describe("maskAuthorization", () => {
  it.each([
    ["Bearer sk-0123456789abcdefa1b2", "Bearer sk-…a1b2"],
    ["bearer   sk-sp-0123456789abcdefc3d4", "bearer   sk-sp-…c3d4"],
    ["Bearer sk-short", "Bearer …"],
    ["sk-0123456789abcdefa1b2", "sk-…a1b2"],
    ["Basic dXNlcjpwYXNzd29yZDEyMzQ1Njc4", "Basic …Njc4"],
  ])("masks %j as %j", (value, masked) => {
    expect(maskAuthorization(value)).toBe(masked);
    expect(masked).not.toContain(value.split(/\s+/).at(-1));
  });
});
