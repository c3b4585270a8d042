import { describe, expect, it } from "vitest";
import { readReport, reportLine } from "./report-line.ts";
import type { SmokeReport } from "./scenario.ts";
import { TYPED_401 } from "./typed-401.ts";

const report = (runtime: string): SmokeReport => ({
  runtime,
  stream: {
    events: { text: 1 },
    deltas: "hi",
    text: "hi",
    finishReason: "stop",
    usage: undefined,
    usageEvent: undefined,
  },
  unauthorized: TYPED_401,
});

describe("report lines", () => {
  it("reads the report back from a runtime's output, among its other lines", () => {
    const output = `warming up\n${reportLine(report("deno 2.9.6"))}\nworkerd: [ PASS ] smoke\n`;
    expect(readReport<SmokeReport>(output)).toEqual(JSON.parse(JSON.stringify(report("deno 2.9.6"))));
  });

  it("takes the last report when there are several", () => {
    const output = [reportLine(report("first")), reportLine(report("last"))].join("\n");
    expect(readReport<SmokeReport>(output)?.runtime).toBe("last");
  });

  it.each([
    ["no output", ""],
    ["output without a report line", "Error: something broke\n    at main (cli.js:1:1)\n"],
    ["the prefix inside another line", `log: ${reportLine(report("x"))}`],
  ])("%s has no report", (_, output) => {
    expect(readReport(output)).toBeUndefined();
  });
});
