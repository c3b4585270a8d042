import { afterEach, describe, expect, it, vi } from "vitest";
import { IdleTimeout } from "./idle-timeout.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("IdleTimeout", () => {
  it("fires once nothing touched it for its duration, saying how long it waited", () => {
    vi.useFakeTimers();
    const reasons: Error[] = [];
    const idle = new IdleTimeout(100, (reason) => reasons.push(reason));
    idle.touch();
    vi.advanceTimersByTime(99);
    expect(idle.expired).toBe(false);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(idle.expired).toBe(true);
    expect(idle.reason?.message).toBe("the stream sent nothing for 100 ms");
    expect(reasons).toEqual([idle.reason]);
    idle.touch();
    vi.advanceTimersByTime(1_000);
    expect(reasons).toHaveLength(1);
  });

  it("restarts the wait on every touch", () => {
    vi.useFakeTimers();
    const idle = new IdleTimeout(100, () => undefined);
    idle.touch();
    for (let step = 0; step < 10; step += 1) {
      vi.advanceTimersByTime(90);
      idle.touch();
    }
    expect(idle.expired).toBe(false);
    vi.advanceTimersByTime(100);
    expect(idle.expired).toBe(true);
  });

  it("keeps one timer however often it is touched (a touch per chunk must stay cheap)", () => {
    vi.useFakeTimers();
    const idle = new IdleTimeout(100, () => undefined);
    for (let chunk = 0; chunk < 1_000; chunk += 1) idle.touch();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(idle.expired).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never fires before the first touch or after clear, and leaves no timer behind", () => {
    vi.useFakeTimers();
    const idle = new IdleTimeout(100, () => undefined);
    vi.advanceTimersByTime(1_000);
    expect(idle.expired).toBe(false);
    idle.touch();
    idle.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(idle.expired).toBe(false);
  });
});
