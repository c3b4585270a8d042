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

describe("non-streaming bodies that are not a chat.completion", () => {
  const json = (body: string) => ({
    headers: { "content-type": "application/json" },
    pieces: [encoder.encode(body)],
  });

  it.each([
    "null",
    "",
    "42",
    '"text"',
    "[]",
    '{"foo":1}',
    '{"choices":"x"}',
    '{"choices":[]}',
    '{"choices":[null]}',
    '{"choices":[[1]]}',
    '{"choices":[{"index":0,"message":null}]}',
  ])("a 200 body %j is malformed-response, retried, and never an empty result", async (body) => {
    const fetch = scriptedFetch([json(body), json(body)]);
    const error = await craftedProvider(fetch, { maxRetries: 1 })
      .chat(request)
      .then(
        (result) => result,
        (caught: unknown) => caught,
      );
    expect(error).toMatchObject({ name: "QwenApiError", kind: "malformed-response", retryable: true });
    expect(fetch.calls).toBe(2);
  });

  it("a completion with its choice reads as before", async () => {
    const body = JSON.stringify({
      id: "chatcmpl-1",
      object: "chat.completion",
      model: "qwen-plus",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }],
    });
    const result = await craftedProvider(scriptedFetch([json(body)])).chat(request);
    expect(result).toMatchObject({ text: "Hello", finishReason: "stop", model: "qwen-plus" });
  });
});
