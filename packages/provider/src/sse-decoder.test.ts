import fc from "fast-check";
import { _iterSSEMessages } from "openai/streaming";
import { describe, expect, it } from "vitest";
import { SseDecoder } from "./sse-decoder.js";
import { ResponseTooLarge } from "./transport-failures.js";

type Record = readonly [event: string | null, data: string];

/** Decodes `pieces` in order, then the end of the text; collects every record. */
function decode(pieces: readonly string[], decoder = new SseDecoder()): Record[] {
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

  /** `text` cut at `cuts` (taken modulo its length, deduplicated). */
  const split = (text: string, cuts: readonly number[]) => {
    const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
    return [0, ...points].map((from, index) => text.slice(from, points[index] ?? text.length));
  };

  it("reads LF-only text (its fast path) exactly as the same text with CRLF line ends (the general path)", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.array(fc.constantFrom("", "\n", "\n\n"), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (records, gaps, cuts) => {
          const lf = records.map((lines, index) => `${lines.join("\n")}\n\n${gaps[index] ?? ""}`).join("");
          const crlf = lf.replaceAll("\n", "\r\n");
          // The same cut points, shifted by the carriage returns before them.
          const crlfCuts = cuts.map((cut) => {
            const at = cut % (lf.length + 1);
            return at + (lf.slice(0, at).match(/\n/g)?.length ?? 0);
          });
          expect(decode(split(lf, cuts))).toEqual(decode(split(crlf, crlfCuts)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("fails an event over the record limit the same way with %s line ends", (_, end) => {
    const limited = () => new SseDecoder({ maxLineLength: 1_000, maxRecordLength: 10 });
    expect(decode([`data: 1234567890${end}${end}`], limited())).toEqual([[null, "1234567890"]]);
    expect(() => decode([`data: 12345678901${end}${end}`], limited())).toThrow(ResponseTooLarge);
  });

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
