import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QwenProviderOptions } from "../options.js";
import { failOnUnhandledRejections, runStream, textOf } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { type ScriptedFetch, scriptedFetch } from "./test-utils/scripted-fetch.js";
import { assembledWhole, type CraftedStream, craftedBytes, cutAt } from "./test-utils/sse.js";

failOnUnhandledRejections();

// No generated stream may take longer than this to end, whatever its bytes.
const LIMIT_MS = 5_000;
const request = { messages: [{ role: "user" as const, content: "Hello" }] };

/** One provider per property, its fetch swapped per run (creating the OpenAI client is the slow part). */
function swappableProvider(options: QwenProviderOptions = {}) {
  let current: ScriptedFetch = scriptedFetch([]);
  const qwen = craftedProvider((input, init) => current(input, init), options);
  return {
    run(pieces: readonly Uint8Array[]) {
      current = scriptedFetch([{ pieces }]);
      return runStream(qwen.stream(request), LIMIT_MS);
    },
    get calls() {
      return current.calls;
    },
  };
}

// Any code point (astral planes included), so generated cuts land inside 2-, 3- and 4-byte characters.
const piece = fc.string({ unit: "binary", maxLength: 12 });

const streams: fc.Arbitrary<CraftedStream> = fc.record({
  reasoning: fc.array(piece, { maxLength: 4 }),
  text: fc.array(piece, { maxLength: 6 }),
  toolArguments: fc.array(piece, { maxLength: 3 }),
  finishReason: fc.constantFrom("stop" as const, "length" as const, "tool_calls" as const),
  usage: fc.boolean(),
  doneCount: fc.integer({ min: 0, max: 2 }),
  lineEnding: fc.constantFrom("\n" as const, "\r\n" as const),
});

/** A stream and arbitrary byte offsets to cut it at. */
const cutStreams = streams.chain((stream) => {
  const length = craftedBytes(stream).length;
  return fc.tuple(fc.constant(stream), fc.array(fc.nat({ max: length }), { maxLength: 30 }));
});

describe("SSE byte streams split at arbitrary boundaries", () => {
  it("assemble to the same events and result however the bytes are split", async () => {
    const provider = swappableProvider({ maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(cutStreams, async ([stream, cuts]) => {
        const expected = assembledWhole(stream);
        const outcome = await provider.run(cutAt(craftedBytes(stream), cuts));
        expect(outcome.error).toBeUndefined();
        expect(outcome.events).toEqual(expected.events);
        expect(outcome.result).toEqual(expected.result);
        expect(outcome.result?.text).toBe(stream.text.join(""));
        expect(outcome.result?.reasoning).toBe((stream.reasoning ?? []).join(""));
      }),
      { numRuns: 150 },
    );
  });

  it("cut off at any byte and closed: a typed error with the delivered text as partial, or the whole result", async () => {
    const provider = swappableProvider({ maxRetries: 0 });
    const truncated = cutStreams.chain(([stream, cuts]) =>
      fc.tuple(fc.constant(stream), fc.constant(cuts), fc.nat({ max: craftedBytes(stream).length })),
    );
    await fc.assert(
      fc.asyncProperty(truncated, async ([stream, cuts, kept]) => {
        const expected = assembledWhole(stream);
        const outcome = await provider.run(cutAt(craftedBytes(stream).slice(0, kept), cuts));
        if (outcome.result !== undefined) {
          // Only a stream whose finish frame arrived completes; what it has is all of it.
          expect(outcome.result.finishReason).toBe(stream.finishReason);
          expect(outcome.result.text).toBe(expected.result.text);
          expect(outcome.result.toolCalls).toEqual(expected.result.toolCalls);
          expect([undefined, expected.result.usage]).toContainEqual(outcome.result.usage);
        } else {
          expect(["stream-interrupted", "malformed-response"]).toContain(outcome.error?.kind);
          expect(outcome.events).toEqual(expected.events.slice(0, outcome.events.length));
          expect(outcome.error?.partial?.text ?? "").toBe(textOf(outcome.events));
        }
        expect(provider.calls).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it("arbitrary frames and lines between valid ones: a result or a typed error, never a hang or another exception", async () => {
    const provider = swappableProvider({ maxRetries: 0 });
    const encoder = new TextEncoder();
    const junk = fc.oneof(
      fc.jsonValue().map((value) => `data: ${JSON.stringify(value)}\n\n`),
      fc.string({ unit: "binary", maxLength: 40 }).map((line) => `${line}\n`),
      fc.constantFrom(
        "data: [DONE]\n\n",
        "event: error\ndata: {}\n\n",
        ": keep-alive\n\n",
        "\n\n",
        "data:\n\n",
      ),
    );
    const mixed = fc.tuple(streams, fc.array(fc.tuple(fc.nat(), junk), { maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(mixed, async ([stream, insertions]) => {
        const valid = new TextDecoder().decode(craftedBytes(stream)).split(/(?<=\n\n)/);
        for (const [at, text] of insertions) valid.splice(at % (valid.length + 1), 0, text);
        const outcome = await provider.run([encoder.encode(valid.join(""))]);
        // runStream fails the test on any non-QwenApiError and on a hang; here: one of the two ends.
        expect(outcome.result === undefined).toBe(outcome.error !== undefined);
      }),
      { numRuns: 200 },
    );
  });
});
