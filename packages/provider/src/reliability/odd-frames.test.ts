import { afterEach, describe, expect, it, vi } from "vitest";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedProvider } from "./test-utils/providers.js";
import { scriptedFetch } from "./test-utils/scripted-fetch.js";
import { craftedBytes } from "./test-utils/sse.js";

failOnUnhandledRejections();

const request = { messages: [{ role: "user" as const, content: "Hello" }] };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A complete stream of "Hello" with `inserted` placed before its second content frame. */
function withInserted(inserted: string): Uint8Array {
  const frames = decoder
    .decode(craftedBytes({ text: ["Hel", "lo"], finishReason: "stop", usage: true }))
    .split("\n\n");
  frames.splice(2, 0, inserted.replace(/\n\n$/, ""));
  return encoder.encode(frames.join("\n\n"));
}

describe("frames that are not chunks", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    "data: null\n\n",
    "data: 42\n\n",
    'data: "text"\n\n',
    "data: []\n\n",
    "event: thread.created\ndata: {}\n\n",
  ])("%j is skipped: the stream completes with every chunk's text", async (frame) => {
    const outcome = await runStream(
      craftedProvider(scriptedFetch([{ pieces: [withInserted(frame)] }])).stream(request),
      5_000,
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.result).toMatchObject({ text: "Hello", finishReason: "stop" });
  });

  it("a frame that is not JSON ends the stream as stream-interrupted, and nothing is printed", async () => {
    const printed = (["log", "error", "warn"] as const).map((level) => vi.spyOn(console, level));
    const outcome = await runStream(
      craftedProvider(scriptedFetch([{ pieces: [withInserted("data: {not json\n\n")] }])).stream(request),
      5_000,
    );
    expect(outcome.error).toMatchObject({ kind: "stream-interrupted", partial: { text: "Hel" } });
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });
});
