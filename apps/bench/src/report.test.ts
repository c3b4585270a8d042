import { describe, expect, it } from "vitest";
import { summarizeWorkload } from "./report.js";
import { WORKLOADS } from "./workloads.js";

const longStream = WORKLOADS.find((workload) => workload.name === "long-stream");
if (longStream === undefined) throw new Error("no long-stream workload");

describe("summarizeWorkload", () => {
  it("gives each subject its median time, rate, ratios to both floors and peak RSS", () => {
    const result = summarizeWorkload(longStream, "loopback", [
      { subject: "split floor", runsMs: [210, 200, 190], peakRssMb: 100 },
      { subject: "parse floor", runsMs: [400, 380], peakRssMb: 110 },
      { subject: "openai", runsMs: [900, 1000, 1100, 800], peakRssMb: 130 },
    ]);
    expect(result).toMatchObject({
      name: "long-stream/loopback",
      workload: "long-stream",
      transport: "loopback",
      chunks: 100_000,
    });
    expect(result.subjects).toEqual([
      {
        name: "split floor",
        ms: 200,
        chunksPerSec: 500_000,
        ratioToSplitFloor: 1,
        ratioToParseFloor: 200 / 390,
        peakRssMb: 100,
        runsMs: [210, 200, 190],
      },
      {
        name: "parse floor",
        ms: 390,
        chunksPerSec: 100_000 / 0.39,
        ratioToSplitFloor: 1.95,
        ratioToParseFloor: 1,
        peakRssMb: 110,
        runsMs: [400, 380],
      },
      {
        name: "openai",
        ms: 950,
        chunksPerSec: 100_000 / 0.95,
        ratioToSplitFloor: 4.75,
        ratioToParseFloor: 950 / 390,
        peakRssMb: 130,
        runsMs: [900, 1000, 1100, 800],
      },
    ]);
  });

  it.each([
    ["split floor", "parse floor"],
    ["parse floor", "split floor"],
  ] as const)("needs the %s", (missing, present) => {
    expect(() =>
      summarizeWorkload(longStream, "in-process", [
        { subject: present, runsMs: [1], peakRssMb: 1 },
        { subject: "openai", runsMs: [1], peakRssMb: 1 },
      ]),
    ).toThrow(`no ${missing} measured on long-stream/in-process`);
  });
});
