import { inspect } from "node:util";
import { QwenConfigError } from "../errors.js";

/** Every way a value or error gets printed, serialized or logged, down its cause chain. */
export function renderings(value: unknown): string[] {
  const out = [
    JSON.stringify(value) ?? "",
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(value),
  ];
  for (let error = value; error instanceof Error; error = error.cause) {
    out.push(String(error), error.message, error.stack ?? "", inspect(error), JSON.stringify(error));
    if (error instanceof QwenConfigError) out.push(error.hint);
  }
  return out;
}

/** The renderings of `value` that contain `secret` (any case); empty when it never shows. */
export function showing(value: unknown, secret: string): string[] {
  return renderings(value).filter((text) => text.toLowerCase().includes(secret.toLowerCase()));
}
