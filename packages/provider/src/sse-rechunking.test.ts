import type { DashScopeChunk, Received } from "@qwenkit/core/wire";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  captureBytes,
  captureFrames,
  SSE_CAPTURES,
  type SseCapture,
} from "../../../fixtures/wire/captures.js";
import { createQwenProvider } from "./provider.js";
import { StreamAssembler } from "./stream-assembler.js";
import type { QwenStreamEvent } from "./stream-events.js";
import { rechunkingFetch } from "./test-utils/rechunking-fetch.js";

const KEY = "sk-0123456789abcdef0123456789abcdef";

/** What the assembler makes of the fixture's frames, fed whole (the reference). */
function reference(name: SseCapture) {
  const assembler = new StreamAssembler();
  const events: QwenStreamEvent[] = [];
  for (const chunk of captureFrames<Received<DashScopeChunk>>(name)) events.push(...assembler.push(chunk));
  events.push(...assembler.end());
  return { events, result: assembler.snapshot() };
}

/** The same bytes through the provider (its SSE reader and assembler), cut at `cuts`. */
async function throughProvider(name: SseCapture, cuts: readonly number[]) {
  const qwen = createQwenProvider({
    apiKey: KEY,
    authChoice: "qwen-standard-api-key",
    fetch: rechunkingFetch(captureBytes(name), cuts),
    maxRetries: 0,
    env: {},
  });
  const stream = qwen.stream({ messages: [{ role: "user", content: "hi" }] });
  const events: QwenStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return { events, result: await stream.result };
}

describe.each(SSE_CAPTURES)("the %s capture cut into arbitrary byte pieces", (name) => {
  const expected = reference(name);

  it("assembles exactly as the whole frames do (no cuts, every byte a piece)", async () => {
    const bytes = captureBytes(name);
    for (const cuts of [[], Array.from({ length: bytes.length }, (_, index) => index)]) {
      const actual = await throughProvider(name, cuts);
      expect(actual.events).toEqual(expected.events);
      expect(actual.result).toEqual(expected.result);
    }
  });

  it("assembles identically wherever the byte stream is split (including inside UTF-8 characters)", async () => {
    const length = captureBytes(name).length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: length }), { maxLength: 40 }), async (cuts) => {
        const actual = await throughProvider(name, cuts);
        expect(actual.events).toEqual(expected.events);
        expect(actual.result).toEqual(expected.result);
      }),
      { numRuns: 60 },
    );
  });
});
