import { FAULT_SPECS, type FaultSlot, type MockFault, type MockFaultType } from "./specs.js";

type TypesIn<S extends FaultSlot> = {
  [T in MockFaultType]: (typeof FAULT_SPECS)[T]["slot"] extends S ? T : never;
}[MockFaultType];

/**
 * Everything the faults of one request ask for: at most one fault per slot of the fault table
 * (`interruption` holds whichever of mid-stream-error, drop-connection and truncated-frame came first).
 */
export type FaultPlan = { readonly [S in FaultSlot]?: Extract<MockFault, { readonly type: TypesIn<S> }> };

/** Merges faults into one plan; of two faults in the same slot the first wins. */
export function planFaults(faults: readonly MockFault[]): FaultPlan {
  const plan: Partial<Record<FaultSlot, MockFault>> = {};
  for (const fault of faults) {
    const { slot } = FAULT_SPECS[fault.type];
    plan[slot] ??= fault;
  }
  return plan as FaultPlan;
}
