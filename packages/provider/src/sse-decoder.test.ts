import fc from "fast-check";
import { _iterSSEMessages } from "openai/streaming";
import { describe, expect, it } from "vitest";
import { SseDecoder } from "./sse-decoder.js";

type Record = readonly [event: string | null, data: string];

/** Decodes `pieces` in order, then the end of the text; collects every record. */
function decode(pieces: readonly string[]): Record[] {
  const decoder = new SseDecoder();
  const records: Record[] = [];
  const collect = (data: string, event: string | null) => {
    records.push([event, data]);
    return data === "STOP";
  };
  for (const piece of pieces) if (decoder.push(piece, collect)) return records;
  decoder.flush(collect);
  return records;
}

/** The openai SDK's own decoder on the same text: the behaviour to match. */
async function sdkDecode(text: string): Promise<Record[]> {
  const records: Record[] = [];
  for await (const sse of _iterSSEMessages(new Response(text), new AbortController())) {
    records.push([sse.event, sse.data]);
  }
  return records;
}

describe("SseDecoder", () => {
  it.each([
    ["one data frame", 'data: {"a":1}\n\n', [[null, '{"a":1}']]],
    [
      "two frames in one piece",
      "data: 1\n\ndata: 2\n\n",
      [
        [null, "1"],
        [null, "2"],
      ],
    ],
    ["data lines joined by a newline", "data: a\ndata: b\n\n", [[null, "a\nb"]]],
    ["an event name", "event: error\ndata: {}\n\n", [["error", "{}"]]],
    ["comments and unknown fields skipped", ": ping\nid: 7\nretry: 5\ndata: x\n\n", [[null, "x"]]],
    [
      "CRLF line endings",
      "data: x\r\n\r\ndata: y\r\n\r\n",
      [
        [null, "x"],
        [null, "y"],
      ],
    ],
    [
      "lone CR line endings",
      "data: x\r\rdata: y\r\r",
      [
        [null, "x"],
        [null, "y"],
      ],
    ],
    [
      "no space after the colon, and only one space removed",
      "data:x\n\ndata:  y\n\n",
      [
        [null, "x"],
        [null, " y"],
      ],
    ],
    ["a field without a colon", "data\n\n", [[null, ""]]],
    ["blank lines between records", "\n\ndata: x\n\n\n\n", [[null, "x"]]],
    [
      "an unterminated last record, at the end of the text",
      "data: x\n\ndata: y",
      [
        [null, "x"],
        [null, "y"],
      ],
    ],
  ] satisfies [string, string, Record[]][])("decodes %s", (_, text, expected) => {
    expect(decode([text])).toEqual(expected);
  });

  it("stops when the handler says so and ignores everything after", () => {
    expect(decode(["data: 1\n\ndata: STOP\n\ndata: 3\n\n", "data: 4\n\n"])).toEqual([
      [null, "1"],
      [null, "STOP"],
    ]);
  });

  it("joins a CRLF split between two pieces into one line ending", () => {
    expect(decode(["data: x\r", "\n\r", "\ndata: y\r\n\r\n"])).toEqual([
      [null, "x"],
      [null, "y"],
    ]);
  });

  const line = fc.oneof(
    fc
      .string({ unit: fc.constantFrom("a", "b", "{", "}", ":", " ", "é", "😀") })
      .map((value) => `data: ${value}`),
    fc.string({ unit: fc.constantFrom("a", ":", " ") }).map((value) => `data:${value}`),
    fc.constantFrom("event: error", "event: message", "event:", ": comment", "id: 1", "data"),
  );
  const record = fc.array(line, { minLength: 1, maxLength: 4 });
  const ending = fc.constantFrom("\n", "\r\n", "\r");

  it("decodes what the openai SDK decodes, however the text is split", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(record, ending), { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (records, terminated, cuts) => {
          let text = records.map(([lines, end]) => `${lines.join(end)}${end}${end}`).join("");
          if (!terminated) text = text.replace(/(\r\n|\r|\n)+$/, "");
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...points].map((from, index) => text.slice(from, points[index] ?? text.length));
          expect(decode(pieces)).toEqual(await sdkDecode(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
