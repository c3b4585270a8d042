import { describe, expect, it } from "vitest";
import { summarizeWorkload } from "./report.js";
import { WORKLOADS } from "./workloads.js";

const longStream = WORKLOADS.find((workload) => workload.name === "long-stream");
if (longStream === undefined) throw new Error("no long-stream workload");

describe("summarizeWorkload", () => {
  it("gives each subject its median time, rate, ratio to the floor and peak RSS", () => {
    const result = summarizeWorkload(longStream, "loopback", [
      { subject: "floor", runsMs: [210, 200, 190], peakRssMb: 100 },
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
        name: "floor",
        ms: 200,
        chunksPerSec: 500_000,
        ratioToFloor: 1,
        peakRssMb: 100,
        runsMs: [210, 200, 190],
      },
      {
        name: "openai",
        ms: 950,
        chunksPerSec: 100_000 / 0.95,
        ratioToFloor: 4.75,
        peakRssMb: 130,
        runsMs: [900, 1000, 1100, 800],
      },
    ]);
  });

  it("needs the floor", () => {
    expect(() =>
      summarizeWorkload(longStream, "in-process", [{ subject: "openai", runsMs: [1], peakRssMb: 1 }]),
    ).toThrow("no floor measured on long-stream/in-process");
  });
});
