import { describe, expect, it } from "vitest";
import { runPool } from "./request-pool.js";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("runPool", () => {
  it("calls once per index and never has more than `concurrency` calls in flight", async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await runPool(25, 4, async (index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      seen.push(index);
      inFlight -= 1;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => index));
    expect(most).toBe(4);
  });

  it("does nothing for zero calls and rejects with the first failure", async () => {
    await expect(runPool(0, 3, () => Promise.reject(new Error("never")))).resolves.toBeUndefined();
    await expect(
      runPool(5, 2, async (index) => {
        if (index === 3) throw new Error("request 3 failed");
      }),
    ).rejects.toThrow("request 3 failed");
  });

  it.each([
    [-1, 1],
    [1.5, 1],
    [3, 0],
  ])("rejects count %s with concurrency %s", async (count, concurrency) => {
    await expect(runPool(count, concurrency, async () => undefined)).rejects.toThrow(RangeError);
  });
});
