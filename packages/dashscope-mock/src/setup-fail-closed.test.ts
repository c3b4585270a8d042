import { describe, expect, it, vi } from "vitest";
import { MockInterceptionError, PROBE_URL } from "./interception-probe.js";
import { setupDashscopeMock } from "./setup.js";

// What Bun and Deno amount to: msw's patches are in place but the probe does not come back.
vi.mock("./interception-probe.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./interception-probe.js")>();
  return {
    ...actual,
    probeInterception: async () => {
      throw new actual.MockInterceptionError("Bun 1.2.3");
    },
  };
});

describe("setupDashscopeMock().listen() when the probe fails", () => {
  it("rejects with the runtime named and stops intercepting, so nothing can pass as mocked", async () => {
    const mock = setupDashscopeMock();
    const error = await mock.listen().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MockInterceptionError);
    expect((error as Error).message).toContain("on Bun 1.2.3");
    // msw no longer answers: the probe URL (loopback port 0) now fails on the machine itself.
    await expect(fetch(PROBE_URL)).rejects.toThrow(TypeError);
  });

  it("lets the suite's teardown close it without a second error", async () => {
    const mock = setupDashscopeMock();
    await expect(mock.listen()).rejects.toThrow(MockInterceptionError);
    expect(() => mock.close()).not.toThrow();
    expect(() => mock.close()).not.toThrow();
  });

  it("closes a mock that never listened without an error", () => {
    expect(() => setupDashscopeMock().close()).not.toThrow();
  });
});
