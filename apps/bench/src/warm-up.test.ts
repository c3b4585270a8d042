import { describe, expect, it } from "vitest";
import { repeatFor } from "./warm-up.js";

/** A clock that moves only when a run takes time. */
function fakeClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe("repeatFor", () => {
  it("runs until the time has passed, counting the run that crossed it", async () => {
    const clock = fakeClock();
    const runs = await repeatFor(1_000, async () => void clock.advance(300), { now: clock.now });
    expect(runs).toBe(4);
    expect(clock.now()).toBe(1_200);
  });

  it("runs once when one run takes longer than the time, or when the time is zero", async () => {
    const clock = fakeClock();
    expect(await repeatFor(1_000, async () => void clock.advance(5_000), { now: clock.now })).toBe(1);
    expect(await repeatFor(0, async () => void clock.advance(1), { now: clock.now })).toBe(1);
  });

  it("stops at maxRuns however fast the runs are", async () => {
    const clock = fakeClock();
    expect(await repeatFor(1_000, async () => undefined, { now: clock.now, maxRuns: 7 })).toBe(7);
  });

  it("rejects with the run's failure and refuses a bad time or count", async () => {
    await expect(repeatFor(10, () => Promise.reject(new Error("run failed")))).rejects.toThrow("run failed");
    await expect(repeatFor(-1, async () => undefined)).rejects.toThrow("minMs must be ≥ 0");
    await expect(repeatFor(10, async () => undefined, { maxRuns: 0 })).rejects.toThrow(
      "maxRuns must be a whole number",
    );
  });
});
