import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { budgetProblems, loadEsbuild, mainEntry, measureEntry, sizeTable } from "./size.mjs";

describe("mainEntry", () => {
  [
    ["a string exports", { exports: "./dist/index.js" }, "dist/index.js"],
    [
      "types + default",
      { exports: { ".": { types: "./dist/index.d.ts", default: "./dist/main.js" } } },
      "dist/main.js",
    ],
    [
      "nested import conditions",
      {
        exports: {
          ".": { import: { types: "./x.d.ts", default: "./dist/esm.js" }, require: "./dist/cjs.cjs" },
        },
      },
      "dist/esm.js",
    ],
    [
      "node before default",
      { exports: { ".": { default: "./dist/any.js", node: "./dist/node.js" } } },
      "dist/node.js",
    ],
    ["main without exports", { main: "lib/index.js" }, "lib/index.js"],
  ].forEach(([what, manifest, expected]) => {
    test(what, () => assert.equal(mainEntry({ name: "x", ...manifest }), expected));
  });

  test("a manifest without an entry is an error naming the package", () => {
    assert.throws(() => mainEntry({ name: "@qwenkit/none" }), /@qwenkit\/none has no main entry/);
  });
});

describe("budgets", () => {
  const row = (name, gzip) => ({ name, entry: "dist/index.js", raw: 30000, minified: 12000, gzip });

  test("a package at or over its budget is reported, one under it and unbudgeted ones are not", () => {
    const budgets = { a: 8000, b: 8000 };
    assert.deepEqual(budgetProblems([row("a", 7999), row("b", 8000), row("c", 99999)], budgets), [
      "b: dist/index.js is 8000 B min+gzip; the budget is under 8000 B",
    ]);
  });

  test("the table lists every package with its budget", () => {
    const table = sizeTable([row("@qwenkit/core", 6992), row("@qwenkit/provider", 9000)], {
      "@qwenkit/core": 8000,
    });
    assert.deepEqual(table.split("\n"), [
      "package            entry           bundle      min  min+gzip    budget",
      "-----------------  -------------  -------  -------  --------  --------",
      "@qwenkit/core      dist/index.js  30000 B  12000 B    6992 B  < 8000 B",
      "@qwenkit/provider  dist/index.js  30000 B  12000 B    9000 B         -",
    ]);
  });
});

describe("measureEntry", () => {
  const dir = mkdtempSync(join(tmpdir(), "qwenkit-size-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("bundles relative imports, leaves packages out, and gzips the minified output", async () => {
    const esbuild = loadEsbuild(resolve(import.meta.dirname, "../.."));
    const words = Array.from({ length: 200 }, (_, i) => `"word number ${i}"`).join(", ");
    writeFileSync(join(dir, "table.js"), `export const TABLE = [${words}];\n`);
    writeFileSync(
      join(dir, "entry.js"),
      'import { TABLE } from "./table.js";\nimport OpenAI from "openai";\n' +
        "export function lookUpTheWord(index) { return TABLE[index] ?? new OpenAI(); }\n",
    );
    const size = await measureEntry(esbuild, join(dir, "entry.js"));
    assert.ok(size.minified < size.raw, `minified ${size.minified} B is not below ${size.raw} B`);
    assert.ok(size.gzip < size.minified, `gzip ${size.gzip} B is not below ${size.minified} B`);
    assert.match(size.code, /word number 199/, "the relative import was not bundled");
    assert.match(size.code, /from"openai"/, "the package import was not left external");
  });
});
