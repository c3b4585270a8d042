import { describe, expect, it } from "vitest";
import { planFaults } from "./plan.js";
import { FAULT_SPECS, MOCK_FAULT_TYPES } from "./specs.js";

describe("planFaults", () => {
  it("merges faults of different slots and keeps the first of each slot", () => {
    const plan = planFaults([
      { type: "error", error: "rate-limit" },
      { type: "chunk-delay", delayMs: 5 },
      { type: "error", error: "internal-error" },
      { type: "drop-connection", afterChunks: 2 },
      { type: "truncated-frame", afterChunks: 1 },
      { type: "missing-usage" },
    ]);
    expect(plan).toEqual({
      error: { type: "error", error: "rate-limit" },
      "chunk-delay": { type: "chunk-delay", delayMs: 5 },
      interruption: { type: "drop-connection", afterChunks: 2 },
      "missing-usage": { type: "missing-usage" },
    });
  });

  it("plans nothing for no faults", () => {
    expect(planFaults([])).toEqual({});
  });

  it("lets the three stream interruptions exclude each other, and nothing else", () => {
    const sharing = (slot: string) => MOCK_FAULT_TYPES.filter((type) => FAULT_SPECS[type].slot === slot);
    expect(sharing("interruption")).toEqual(["mid-stream-error", "drop-connection", "truncated-frame"]);
    const shared = new Set(
      MOCK_FAULT_TYPES.map((type) => FAULT_SPECS[type].slot).filter((slot) => sharing(slot).length > 1),
    );
    expect([...shared]).toEqual(["interruption"]);
  });
});
