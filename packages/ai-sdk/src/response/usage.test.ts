import type { QwenUsage } from "@qwenkit/provider";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toUsage } from "./usage.js";

const usage = (overrides: Partial<QwenUsage>): QwenUsage => ({
  inputTokens: 100,
  outputTokens: 40,
  totalTokens: 140,
  cachedInputTokens: undefined,
  cacheCreationInputTokens: undefined,
  reasoningTokens: undefined,
  ...overrides,
});

describe("toUsage", () => {
  it.each([
    {
      name: "a plain reply",
      usage: usage({}),
      input: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
      output: { total: 40, text: 40, reasoning: undefined },
    },
    {
      name: "a thinking reply (reasoning counted inside completion_tokens)",
      usage: usage({ reasoningTokens: 30 }),
      input: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
      output: { total: 40, text: 10, reasoning: 30 },
    },
    {
      name: "cache reads and writes (both inside prompt_tokens)",
      usage: usage({ cachedInputTokens: 64, cacheCreationInputTokens: 16 }),
      input: { total: 100, noCache: 20, cacheRead: 64, cacheWrite: 16 },
      output: { total: 40, text: 40, reasoning: undefined },
    },
  ])("maps $name", ({ usage, input, output }) => {
    expect(toUsage(usage)).toEqual({ inputTokens: input, outputTokens: output });
  });

  it("leaves every count unknown when no usage arrived, never zero", () => {
    expect(toUsage(undefined)).toEqual({
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    });
  });

  it("splits input and output into parts that add up to the totals", () => {
    const counts = fc.nat({ max: 1_000_000 });
    fc.assert(
      fc.property(
        counts,
        counts,
        counts,
        counts,
        counts,
        (input, output, cachedRaw, writeRaw, reasoningRaw) => {
          const cached = Math.min(cachedRaw, input);
          const written = Math.min(writeRaw, input - cached);
          const reasoning = Math.min(reasoningRaw, output);
          const mapped = toUsage(
            usage({
              inputTokens: input,
              outputTokens: output,
              cachedInputTokens: cached,
              cacheCreationInputTokens: written,
              reasoningTokens: reasoning,
            }),
          );
          const { noCache, cacheRead, cacheWrite } = mapped.inputTokens;
          expect((noCache ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0)).toBe(input);
          expect((mapped.outputTokens.text ?? 0) + (mapped.outputTokens.reasoning ?? 0)).toBe(output);
        },
      ),
    );
  });
});
