import { describe, expect, it } from "vitest";
import { ROUNDS, roundParticipants } from "./rounds.js";

const fast = [100, 120, 110];
const slow = [5_000, 5_200, 4_900];

describe("roundParticipants", () => {
  it("runs every subject in the first rounds, however slow", () => {
    for (let round = 0; round < ROUNDS.min; round += 1) {
      expect(roundParticipants(round, [fast, slow, fast], 0)).toEqual([0, 1, 2]);
    }
  });

  it("runs only the subjects at most extraSubjectMaxMs a run in the extra rounds", () => {
    expect(roundParticipants(ROUNDS.min, [fast, slow, [2_000, 2_000, 1]], 0)).toEqual([0, 2]);
  });

  it("stops at the extra budget or at max rounds", () => {
    expect(roundParticipants(ROUNDS.min, [fast], ROUNDS.extraBudgetMs)).toEqual([]);
    expect(roundParticipants(ROUNDS.max, [fast], 0)).toEqual([]);
    expect(roundParticipants(ROUNDS.max - 1, [fast], ROUNDS.extraBudgetMs - 1)).toEqual([0]);
  });

  it("ends the workload when no subject is fast enough for extra rounds", () => {
    expect(roundParticipants(ROUNDS.min, [slow, slow], 0)).toEqual([]);
  });
});
