import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { exportDifferences, exportedNames, manifestEntries } from "./exports.mjs";

describe("exportedNames", () => {
  test("reads re-export lists, type modifiers, aliases and declarations of a declaration file", () => {
    const source = [
      'export { ApiKey, maskApiKey } from "./api-key.js";',
      'export { describeKeyKind, type KeyKind, keyFitsPlan as fits, } from "./kinds.js";',
      'export type { QwenWarning, QwenWarningCode } from "./warnings.js";',
      "/** export { notThis } */",
      "export declare const VERSION: string;",
      "export declare function helper(): void;",
      "export declare class Thing {}",
      "export interface Shape { a: 1 }",
      "export type Alias = string;",
      "export default Thing;",
    ].join("\n");
    assert.deepEqual(exportedNames(source, { declarations: true }), {
      values: ["ApiKey", "Thing", "VERSION", "default", "describeKeyKind", "fits", "helper", "maskApiKey"],
      types: ["Alias", "KeyKind", "QwenWarning", "QwenWarningCode", "Shape"],
      problems: [],
    });
  });

  test("reads the export statement of a bundled JavaScript entry", () => {
    const source =
      'import { a as b } from "./chunk.js";\nvar x = 1;\nexport {\n  b as createThing,\n  x\n};\n';
    assert.deepEqual(exportedNames(source, { declarations: false }), {
      values: ["createThing", "x"],
      types: [],
      problems: [],
    });
  });

  test("follows export * through the files it names, and reports one it cannot follow", () => {
    const files = {
      "./a.js": 'export * from "./b.js";\nexport { one } from "./one.js";',
      "./b.js": "export declare const two: 2;\nexport type Three = 3;",
    };
    const follow = (specifier) =>
      files[specifier] === undefined ? undefined : { text: files[specifier], follow };
    const source = 'export * from "./a.js";\nexport * as ns from "./ns.js";\nexport * from "./missing.js";';
    assert.deepEqual(exportedNames(source, { declarations: true, follow }), {
      values: ["ns", "one", "two"],
      types: ["Three"],
      problems: ['export * from "./missing.js" could not be followed'],
    });
  });

  test("does not follow a cycle of export * for ever", () => {
    const follow = () => ({ text: 'export * from "./self.js";', follow });
    const { problems } = exportedNames('export * from "./self.js";', { declarations: true, follow });
    assert.equal(problems.length, 1);
  });
});

describe("manifestEntries", () => {
  test("lists the code entries of the exports map, not package.json", () => {
    const manifest = {
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./wire": { types: "./dist/wire/index.d.ts", default: "./dist/wire/index.js" },
        "./package.json": "./package.json",
      },
    };
    assert.deepEqual(
      manifestEntries(manifest).map(([subpath]) => subpath),
      [".", "./wire"],
    );
  });
});

describe("exportDifferences", () => {
  const entry = (values, types = []) => ({ values, types });

  test("nothing when the lists agree", () => {
    const lists = { "@q/core": { ".": entry(["a"], ["B"]) } };
    assert.deepEqual(exportDifferences(lists, structuredClone(lists)), []);
  });

  test("names every new and lost export, entry and package", () => {
    const actual = {
      "@q/core": { ".": entry(["a", "added"], ["B"]), "./wire": entry([], ["W"]) },
      "@q/new": { ".": entry(["x"]) },
    };
    const expected = {
      "@q/core": { ".": entry(["a", "gone"], ["B", "OldType"]), "./internal": entry(["i"]) },
    };
    assert.deepEqual(exportDifferences(actual, expected), [
      '@q/core ".": new values: added',
      '@q/core ".": values gone: gone',
      '@q/core ".": types gone: OldType',
      '@q/core "./internal": entry gone (listed in exports.json)',
      '@q/core "./wire": new entry, not in exports.json',
      '@q/new ".": new entry, not in exports.json',
    ]);
  });
});
