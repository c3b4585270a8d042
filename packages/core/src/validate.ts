import { QwenConfigError } from "./errors.js";

// Messages name the path and the type found, never the value: it may be a key.
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function wrongType(path: string, expected: string, value: unknown): QwenConfigError {
  return new QwenConfigError(
    "invalid-option",
    `${path} must be ${expected}, got ${typeName(value)}.`,
    `Fix ${path} or leave it out.`,
  );
}

/** Whether a value is a non-null, non-array object. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or undefined, else an `invalid-option` error naming `path`. */
export function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  throw wrongType(path, "a string", value);
}

/** A boolean or undefined, else an `invalid-option` error naming `path`. */
export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw wrongType(path, "true or false", value);
}

/** An array of strings or undefined, else an `invalid-option` error naming `path`. */
export function optionalStringArray(value: unknown, path: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  throw wrongType(path, "an array of strings", value);
}

/** An object (values that are not strings read as unset) or undefined, else `invalid-option`. */
export function optionalStringRecord(
  value: unknown,
  path: string,
): Readonly<Record<string, string | undefined>> | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value)) return value as Readonly<Record<string, string | undefined>>;
  throw wrongType(path, "an object of strings", value);
}

/** An object or undefined, else an `invalid-option` error naming `path`. */
export function optionalRecord(value: unknown, path: string): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value)) return value;
  throw wrongType(path, "an object", value);
}

/** A string that is not blank, or undefined for absent and blank values. */
export function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
