import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type InstanceMode, schemaInstance } from "./instance.js";

const SMALLEST: InstanceMode = { kind: "smallest" };
const sample = (seed: number): InstanceMode => ({ kind: "sample", seed, words: ["alpha", "beta", "gamma"] });

describe("schemaInstance, smallest", () => {
  it.each<[string, unknown, unknown]>([
    [
      "required properties only",
      { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["b"] },
      { b: 0 },
    ],
    [
      "types",
      {
        type: "object",
        properties: {
          s: { type: "string" },
          n: { type: "number" },
          t: { type: "boolean" },
          z: { type: "null" },
        },
        required: ["s", "n", "t", "z"],
      },
      { s: "", n: 0, t: false, z: null },
    ],
    [
      "enum and const",
      {
        type: "object",
        properties: { e: { enum: ["red", "green"] }, c: { const: 7 } },
        required: ["e", "c"],
      },
      { e: "red", c: 7 },
    ],
    [
      "nested objects and arrays",
      {
        type: "object",
        properties: {
          o: {
            type: "object",
            properties: { list: { type: "array", items: { type: "string" }, minItems: 2 } },
            required: ["list"],
          },
        },
        required: ["o"],
      },
      { o: { list: ["", ""] } },
    ],
    [
      "$ref into $defs",
      {
        type: "object",
        properties: { p: { $ref: "#/$defs/P" } },
        required: ["p"],
        $defs: { P: { type: "object", properties: { x: { type: "integer", minimum: 3 } }, required: ["x"] } },
      },
      { p: { x: 3 } },
    ],
    [
      "anyOf takes the first branch",
      {
        type: "object",
        properties: { v: { anyOf: [{ type: "string", minLength: 2 }, { type: "null" }] } },
        required: ["v"],
      },
      { v: "aa" },
    ],
    ["a type list skips null", { type: ["null", "integer"] }, 0],
    [
      "number bounds and multipleOf",
      {
        type: "object",
        properties: {
          a: { type: "integer", exclusiveMinimum: 5 },
          b: { type: "number", minimum: 0.5, multipleOf: 0.25 },
          c: { type: "integer", maximum: -3 },
        },
        required: ["a", "b", "c"],
      },
      { a: 6, b: 0.5, c: -3 },
    ],
    [
      "formats",
      {
        type: "array",
        prefixItems: [
          { type: "string", format: "email" },
          { type: "string", format: "date-time" },
        ],
      },
      ["a@example.com", "1970-01-01T00:00:00Z"],
    ],
    [
      "allOf merges",
      {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
          { properties: { b: { type: "boolean" } }, required: ["b"] },
        ],
      },
      { a: "", b: false },
    ],
    ["an untyped schema is an object at the top", {}, {}],
    ["an unresolvable $ref is null", { $ref: "#/$defs/missing" }, null],
  ])("%s", (_label, schema, expected) => {
    expect(schemaInstance(schema, SMALLEST)).toEqual(expected);
  });

  it("stops on a required recursive $ref instead of looping", () => {
    const schema = {
      $ref: "#/$defs/Node",
      $defs: { Node: { type: "object", properties: { next: { $ref: "#/$defs/Node" } }, required: ["next"] } },
    };
    expect(JSON.stringify(schemaInstance(schema, SMALLEST)).length).toBeLessThan(2_000);
  });
});

describe("schemaInstance against zod", () => {
  const Person = z.object({ name: z.string(), age: z.number().int().min(0) });
  it.each<[string, z.ZodType]>([
    [
      "an object with optional and nullable fields",
      z.object({ id: z.string().uuid(), note: z.string().optional(), score: z.number().nullable() }),
    ],
    [
      "enums, literals and unions",
      z.object({ kind: z.enum(["a", "b"]), v: z.literal("x"), u: z.union([z.number(), z.string()]) }),
    ],
    ["arrays with bounds", z.object({ tags: z.array(z.string().min(3)).min(2).max(4) })],
    ["nested and reused objects", z.object({ owner: Person, friends: z.array(Person).min(1) })],
    [
      "formats zod checks",
      z.object({ mail: z.email(), when: z.iso.datetime(), site: z.url(), day: z.iso.date() }),
    ],
    ["integer ranges", z.object({ n: z.number().int().gt(10).lt(20), m: z.number().multipleOf(5).min(7) })],
    [
      "discriminated unions",
      z.discriminatedUnion("type", [
        z.object({ type: z.literal("a"), a: z.string() }),
        z.object({ type: z.literal("b") }),
      ]),
    ],
  ])("gives zod a valid %s, in both modes", (_label, schema) => {
    const json = z.toJSONSchema(schema);
    expect(schema.safeParse(schemaInstance(json, SMALLEST)).error).toBeUndefined();
    for (const seed of [1, 2, 3, 99]) {
      expect(schema.safeParse(schemaInstance(json, sample(seed))).error).toBeUndefined();
    }
  });
});

/** JSON schemas of the subset the generator claims, nested a few levels. */
const schemas: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.record({ type: fc.constant("string"), minLength: fc.nat({ max: 5 }) }, { requiredKeys: ["type"] }),
    fc.record(
      { type: fc.constant("integer"), minimum: fc.integer({ min: -50, max: 50 }) },
      { requiredKeys: ["type"] },
    ),
    fc.record(
      { type: fc.constant("number"), maximum: fc.integer({ min: -50, max: 50 }) },
      { requiredKeys: ["type"] },
    ),
    fc.constant({ type: "boolean" }),
    fc.constant({ type: "null" }),
    fc
      .uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 })
      .map((values) => ({ enum: values })),
  ),
  node: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    fc
      .dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie("node"), { maxKeys: 4 })
      .chain((properties) =>
        fc.subarray(Object.keys(properties)).map((required) => ({ type: "object", properties, required })),
      ),
    fc.record({ type: fc.constant("array"), items: tie("node"), minItems: fc.nat({ max: 3 }) }),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => ({ anyOf: [a, b] })),
  ),
})).node as fc.Arbitrary<Record<string, unknown>>;

describe("schemaInstance, any schema of the subset", () => {
  it("is valid for zod's reading of the schema, smallest and sampled", () => {
    fc.assert(
      fc.property(schemas, fc.nat(), (schema, seed) => {
        const wrapped = { type: "object", properties: { value: schema }, required: ["value"] };
        const validator = z.fromJSONSchema(wrapped as Parameters<typeof z.fromJSONSchema>[0]);
        expect(validator.safeParse(schemaInstance(wrapped, SMALLEST)).error).toBeUndefined();
        expect(validator.safeParse(schemaInstance(wrapped, sample(seed))).error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
