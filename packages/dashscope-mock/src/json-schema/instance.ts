import { mix } from "../determinism.js";
import { isObject } from "../is-object.js";

/**
 * How {@link schemaInstance} fills what a schema leaves open:
 * - `smallest`: required properties only, empty strings, 0, `false`, the fewest array items and
 *   the first `enum` value — the smallest valid instance (JSON mode replies);
 * - `sample`: every property, a word for strings and 0–99 for numbers, varied by `seed` (tool-call
 *   arguments).
 */
export type InstanceMode =
  | { readonly kind: "smallest" }
  | { readonly kind: "sample"; readonly seed: number; readonly words: readonly string[] };

type Schema = Readonly<Record<string, unknown>>;

/** `$ref`s followed on one path before giving up (a recursive required property has no finite instance). */
const MAX_DEPTH = 32;

/**
 * The most an instance may hold, counting every value and every string character: a schema
 * asking for more (`minItems: 1e9`, `minLength: 1e9`, nested arrays) would exhaust the mock's
 * memory, and no model writes that much in one reply.
 */
export const MAX_INSTANCE_SIZE = 1_000_000;

/** A schema's instance would be larger than {@link MAX_INSTANCE_SIZE}. */
export class SchemaInstanceTooLarge extends RangeError {
  override readonly name = "SchemaInstanceTooLarge";
  constructor() {
    super(
      `dashscope-mock: an instance of this JSON schema holds more than ${MAX_INSTANCE_SIZE} values and characters (minItems / minLength); the mock does not build it`,
    );
  }
}

/** Values for `format`s clients check (zod, ajv-formats, pydantic). */
const FORMATS: Readonly<Record<string, string>> = {
  "date-time": "1970-01-01T00:00:00Z",
  date: "1970-01-01",
  time: "00:00:00Z",
  duration: "PT0S",
  email: "a@example.com",
  "idn-email": "a@example.com",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  uri: "https://example.com",
  "uri-reference": "https://example.com",
  iri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

const numberOr = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** Resolves a local `$ref` (`#/$defs/X`, `#/definitions/X`, `#`) against the root schema. */
function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const raw of ref
    .slice(1)
    .split("/")
    .filter((part) => part !== "")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

/** The schema with its first `anyOf` / `oneOf` branch and every `allOf` part merged in. */
function flatten(schema: Schema): Schema {
  const { anyOf, oneOf, allOf, ...rest } = schema;
  let merged: Schema = rest;
  const branches = Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : undefined;
  const first = branches?.find(isObject);
  if (first !== undefined) merged = merge(merged, flatten(first));
  if (Array.isArray(allOf)) for (const part of allOf.filter(isObject)) merged = merge(merged, flatten(part));
  return merged;
}

function merge(a: Schema, b: Schema): Schema {
  const properties =
    isObject(a.properties) || isObject(b.properties)
      ? { ...(a.properties as Schema), ...(b.properties as Schema) }
      : undefined;
  const required = [
    ...(Array.isArray(a.required) ? a.required : []),
    ...(Array.isArray(b.required) ? b.required : []),
  ];
  return {
    ...a,
    ...b,
    ...(properties === undefined ? {} : { properties }),
    ...(required.length === 0 ? {} : { required: [...new Set(required)] }),
  };
}

function typeOf(schema: Schema): string | undefined {
  const { type } = schema;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const types = type.filter((item): item is string => typeof item === "string");
    return types.find((item) => item !== "null") ?? types[0];
  }
  if (isObject(schema.properties) || Array.isArray(schema.required)) return "object";
  if (schema.items !== undefined || Array.isArray(schema.prefixItems)) return "array";
  return undefined;
}

/** The smallest number in the schema's range from `start`, a multiple of `multipleOf`, whole for integers. */
function numberIn(schema: Schema, start: number, integer: boolean): number {
  const step = numberOr(schema.multipleOf);
  const lowest = numberOr(schema.minimum);
  const above = numberOr(schema.exclusiveMinimum);
  const highest = numberOr(schema.maximum);
  const below = numberOr(schema.exclusiveMaximum);
  let value = start;
  if (lowest !== undefined && value < lowest) value = lowest;
  if (above !== undefined && value <= above) value = integer ? Math.floor(above) + 1 : above + 1;
  if (step !== undefined && step > 0) value = Math.ceil(value / step) * step;
  else if (integer) value = Math.ceil(value);
  const top = highest ?? (below === undefined ? undefined : integer ? Math.ceil(below) - 1 : below - 1);
  if (top !== undefined && value > top) {
    value = step !== undefined && step > 0 ? Math.floor(top / step) * step : integer ? Math.floor(top) : top;
  }
  return value;
}

function stringIn(schema: Schema, mode: InstanceMode, hash: number): string {
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format !== undefined) return format;
  const min = numberOr(schema.minLength) ?? 0;
  const max = numberOr(schema.maxLength);
  const base = mode.kind === "smallest" ? "" : (mode.words[hash % mode.words.length] ?? "");
  const padded = base.length >= min ? base : base + "a".repeat(min - base.length);
  return max === undefined ? padded : padded.slice(0, Math.max(min, max));
}

interface Walk {
  readonly root: unknown;
  readonly mode: InstanceMode;
  /** Leaves so far, so sampled values vary from one property to the next. */
  leaves: number;
  /** Values and string characters still allowed (from {@link MAX_INSTANCE_SIZE}). */
  budget: number;
}

/** Takes `size` from the walk's budget before building that much; throws when it would run out. */
function spend(walk: Walk, size: number): void {
  walk.budget -= size;
  if (walk.budget < 0) throw new SchemaInstanceTooLarge();
}

function hashOf(walk: Walk): number {
  const leaf = walk.leaves++;
  return walk.mode.kind === "sample" ? mix(walk.mode.seed, leaf) : 0;
}

function instance(node: unknown, walk: Walk, depth: number): unknown {
  if (!isObject(node) || depth > MAX_DEPTH) return null;
  spend(walk, 1);
  if (typeof node.$ref === "string") {
    const { $ref, ...siblings } = node;
    const target = resolveRef($ref, walk.root);
    return instance(isObject(target) ? { ...target, ...siblings } : siblings, walk, depth + 1);
  }
  const schema = flatten(node);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[hashOf(walk) % schema.enum.length];
  }
  switch (typeOf(schema)) {
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required)
        ? schema.required.filter((name): name is string => typeof name === "string")
        : [];
      const names =
        walk.mode.kind === "smallest" ? required : [...new Set([...Object.keys(properties), ...required])];
      const extra = isObject(schema.additionalProperties) ? schema.additionalProperties : {};
      return Object.fromEntries(
        names.map((name) => [
          name,
          instance(Object.hasOwn(properties, name) ? properties[name] : extra, walk, depth + 1),
        ]),
      );
    }
    case "array": {
      const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
      const count = Math.max(numberOr(schema.minItems) ?? 0, prefix.length);
      spend(walk, count);
      return Array.from({ length: count }, (_, index) =>
        instance(index < prefix.length ? prefix[index] : schema.items, walk, depth + 1),
      );
    }
    case "string": {
      spend(walk, numberOr(schema.minLength) ?? 0);
      return stringIn(schema, walk.mode, hashOf(walk));
    }
    case "integer":
      return numberIn(schema, walk.mode.kind === "smallest" ? 0 : hashOf(walk) % 100, true);
    case "number":
      return numberIn(schema, walk.mode.kind === "smallest" ? 0 : (hashOf(walk) % 1000) / 10, false);
    case "boolean":
      return walk.mode.kind === "smallest" ? false : hashOf(walk) % 2 === 0;
    case "null":
      return null;
    default:
      return null;
  }
}

/**
 * An instance of a JSON schema (the subset structured output uses: `type` (also as a list),
 * `properties` / `required`, `items` / `prefixItems` / `minItems`, `enum`, `const`, `anyOf` /
 * `oneOf` (first branch), `allOf`, local `$ref` into `$defs` / `definitions`, string `format` /
 * `minLength` / `maxLength`, number bounds and `multipleOf`). A schema without a type gives `{}` at
 * the top (a JSON reply is an object) and `null` inside. `pattern` is not honoured.
 * @throws {@link SchemaInstanceTooLarge} when the instance would hold more than
 * {@link MAX_INSTANCE_SIZE} values and characters.
 */
export function schemaInstance(schema: unknown, mode: InstanceMode): unknown {
  const walk: Walk = { root: schema, mode, leaves: 0, budget: MAX_INSTANCE_SIZE };
  if (isObject(schema) && typeOf(flatten(schema)) === undefined && schema.$ref === undefined) {
    if (!("const" in schema) && !Array.isArray(schema.enum)) return {};
  }
  return instance(schema, walk, 0);
}
