import { QwenConfigError } from "../errors.js";

/** Runs `run` and returns the QwenConfigError it throws; fails on success or on any other error. */
export function errorOf(run: () => unknown): QwenConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof QwenConfigError) return error;
    throw error;
  }
  throw new Error("expected a QwenConfigError, but nothing was thrown");
}
