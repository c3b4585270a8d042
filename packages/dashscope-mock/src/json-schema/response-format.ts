import { isObject } from "../is-object.js";

/** What a request's `response_format` asks for. */
export type ResponseFormat =
  | { readonly kind: "text" }
  | { readonly kind: "json_object" }
  | { readonly kind: "json_schema"; readonly name: string; readonly schema: unknown };

const TYPES = ["text", "json_object", "json_schema"] as const;
const TYPE_LIST = `[${TYPES.map((type) => `'${type}'`).join(", ")}]`;

/**
 * Reads `response_format` (absent or `null` means text), in the wording of DashScope's schema
 * errors; returns the message of the 400 when it is malformed.
 */
export function readResponseFormat(value: unknown): ResponseFormat | string {
  if (value === undefined || value === null) return { kind: "text" };
  if (!isObject(value)) return `${JSON.stringify(value)} is not of type 'object' - 'response_format'`;
  const { type } = value;
  if (type === "text" || type === "json_object") return { kind: type };
  if (type !== "json_schema")
    return `${JSON.stringify(type)} is not one of ${TYPE_LIST} - 'response_format.type'`;
  const spec = value.json_schema;
  if (!isObject(spec)) return "'json_schema' is a required property - 'response_format'";
  if (typeof spec.name !== "string" || spec.name === "") {
    return "'name' is a required property - 'response_format.json_schema'";
  }
  return { kind: "json_schema", name: spec.name, schema: spec.schema ?? {} };
}
