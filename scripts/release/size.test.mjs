import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import {
  budgetProblems,
  EDGE_BUNDLES,
  edgeBudgets,
  edgeBundleName,
  loadEsbuild,
  mainEntry,
  measureEdgeBundle,
  measureEntry,
  measurePackages,
  releaseBudgets,
  SIZE_BUDGETS,
  sizeTable,
} from "./size.mjs";

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

describe("measureEdgeBundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "qwenkit-edge-size-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const esbuild = loadEsbuild(resolve(import.meta.dirname, "../.."));

  /** A package folder with a manifest and files, as an unpacked tarball. */
  const pkg = (name, exports, files) => {
    const root = join(dir, "packages", name.replace("/", "__"));
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name, type: "module", exports }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    return root;
  };
  const roots = {
    "@qwenkit/a": pkg("@qwenkit/a", "./index.js", {
      "index.js":
        'import { B } from "@qwenkit/b";\nimport OpenAI from "openai";\nexport const A = () => [B, new OpenAI()];\n',
    }),
    "@qwenkit/b": pkg(
      "@qwenkit/b",
      { ".": { node: "./node.js", default: "./edge.js" } },
      {
        "node.js":
          'import { readFileSync } from "node:fs";\nexport const B = ["the node build", readFileSync];\n',
        "edge.js": 'export const B = "the edge build";\n',
      },
    ),
    "@qwenkit/c": pkg("@qwenkit/c", "./index.js", {
      "index.js": 'import { homedir } from "node:os";\nexport const C = homedir;\n',
    }),
  };
  const scratch = (name) => join(dir, "scratch", name);

  test("bundles the workspace packages through their non-Node exports and leaves the peers out", async () => {
    const spec = { bundled: ["@qwenkit/b"], external: ["openai"], budget: 1 };
    const size = await measureEdgeBundle(esbuild, "@qwenkit/a", roots, scratch("ab"), spec);
    assert.match(size.code, /the edge build/);
    assert.doesNotMatch(size.code, /the node build/);
    assert.match(size.code, /from"openai"/, "the peer was bundled");
    assert.ok(size.gzip > 0, "no gzip size");
  });

  test("a node: import anywhere in the bundle fails the measurement, naming the module", async () => {
    const spec = { bundled: ["@qwenkit/c"], external: ["openai"], budget: 1 };
    const roots2 = {
      ...roots,
      "@qwenkit/a": pkg("@qwenkit/a2", "./index.js", { "index.js": 'export * from "@qwenkit/c";\n' }),
    };
    await assert.rejects(measureEdgeBundle(esbuild, "@qwenkit/a", roots2, scratch("ac"), spec), /node:os/);
  });

  test("a release's rows: each package's main entry, then each edge bundle under its table name", async () => {
    const packed = ["@qwenkit/a", "@qwenkit/b"].map((name) => ({
      name,
      root: roots[name],
      manifest: JSON.parse(readFileSync(join(roots[name], "package.json"), "utf8")),
    }));
    const edge = { "@qwenkit/a": { bundled: ["@qwenkit/b"], external: ["openai"], budget: 1 } };
    const rows = await measurePackages(esbuild, packed, scratch("release"), edge);
    assert.deepEqual(
      rows.map((row) => [row.name, row.entry]),
      [
        ["@qwenkit/a", "index.js"],
        ["@qwenkit/b", "node.js"],
        ["@qwenkit/a + @qwenkit/b (edge)", "without openai"],
      ],
    );
    assert.match(rows[1].code, /the node build/, "a main entry is measured as Node loads it");
    assert.match(rows[2].code, /the edge build/, "the edge bundle is built through the non-Node exports");
    assert.deepEqual(releaseBudgets(edge), { ...SIZE_BUDGETS, "@qwenkit/a + @qwenkit/b (edge)": 1 });
  });

  test("the provider's edge bundle has a budget, shown and checked under its table name", () => {
    const name = edgeBundleName("@qwenkit/provider");
    assert.equal(name, "@qwenkit/provider + @qwenkit/core (edge)");
    const budget = EDGE_BUNDLES["@qwenkit/provider"].budget;
    assert.ok(budget > 0);
    const row = { name, entry: "without openai", raw: 1, minified: 1, gzip: budget };
    assert.deepEqual(budgetProblems([row], edgeBudgets()), [
      `${name}: without openai is ${budget} B min+gzip; the budget is under ${budget} B`,
    ]);
  });
});
