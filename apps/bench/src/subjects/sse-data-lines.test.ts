import { describe, expect, it } from "vitest";
import { SseDataLines } from "./sse-data-lines.js";

const STREAM = [
  'data: {"choices":[{"delta":{"content":"Hi"}}]}',
  "",
  'data: {"choices":[],"usage":{"completion_tokens":1}}',
  "",
  "data: [DONE]",
  "",
  "",
].join("\n");

describe("SseDataLines", () => {
  it("counts the frames before [DONE] and keeps the last one", () => {
    const lines = new SseDataLines();
    lines.push(STREAM);
    expect(lines.frames).toBe(2);
    expect(lines.done).toBe(true);
    expect(JSON.parse(lines.last ?? "")).toEqual({ choices: [], usage: { completion_tokens: 1 } });
  });

  it.each([1, 2, 3, 7, 64])(
    "gives the same answer when the text arrives in pieces of %i characters",
    (size) => {
      const lines = new SseDataLines();
      for (let at = 0; at < STREAM.length; at += size) lines.push(STREAM.slice(at, at + size));
      expect([lines.frames, lines.done, lines.last]).toEqual([
        2,
        true,
        '{"choices":[],"usage":{"completion_tokens":1}}',
      ]);
    },
  );

  it("reads CRLF lines, data without a space, and ignores comments and other fields", () => {
    const lines = new SseDataLines();
    lines.push(': keep-alive\r\nevent: message\r\ndata:{"a":1}\r\n\r\ndata: [DONE]\r\n\r\n');
    expect([lines.frames, lines.last, lines.done]).toEqual([1, '{"a":1}', true]);
  });

  it("ignores frames after [DONE] and reports a stream without it as not done", () => {
    const after = new SseDataLines();
    after.push('data: [DONE]\n\ndata: {"late":true}\n\n');
    expect([after.frames, after.done]).toEqual([0, true]);
    const cut = new SseDataLines();
    cut.push('data: {"a":1}\n\ndata: {"b"');
    expect([cut.frames, cut.done, cut.last]).toEqual([1, false, '{"a":1}']);
  });
});

describe("SseDataLines with a frame handler", () => {
  it.each([1, 5, 64])("hands over every payload before [DONE], in order, in pieces of %i", (size) => {
    const payloads: string[] = [];
    const lines = new SseDataLines((payload) => payloads.push(payload));
    const text = `${STREAM}data: {"late":true}\n\n`;
    for (let at = 0; at < text.length; at += size) lines.push(text.slice(at, at + size));
    expect(payloads).toEqual([
      '{"choices":[{"delta":{"content":"Hi"}}]}',
      '{"choices":[],"usage":{"completion_tokens":1}}',
    ]);
  });
});
