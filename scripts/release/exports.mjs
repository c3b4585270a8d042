#!/usr/bin/env node
// The exact export list of every entry of every published package, checked against
// scripts/release/exports.json, so that a new export (or a lost one) is a reviewed diff of that
// file. Names come from the built entry files: the type declarations (values and types) and the
// JavaScript (values), which must agree.
//
//   node scripts/release/exports.mjs            print each entry's counts and any difference
//   node scripts/release/exports.mjs --write    rewrite exports.json from the built packages
import { readFileSync, writeFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CheckFailure } from "./exec.mjs";

export const EXPORTS_FILE = fileURLToPath(new URL("./exports.json", import.meta.url));

// `export { a, type B, c as d } from "./x.js";`, `export type { A } from …`, `export { a };`
const EXPORT_LIST = /export\s+(type\s+)?\{([^}]*)\}/g;
const EXPORT_STAR = /export\s+(type\s+)?\*(\s+as\s+([\w$]+))?\s+from\s+["']([^"']+)["']/g;
// Barrels of barrels are fine; a cycle of them is not followed for ever.
const MAX_STAR_DEPTH = 8;
const EXPORT_DECLARATION =
  /export\s+(?:declare\s+)?(?:abstract\s+)?(const|let|var|function\*?|class|enum|interface|type|namespace)\s+([\w$]+)/g;
const EXPORT_DEFAULT = /export\s+default\b/;
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:"'`])\/\/.*$/gm;
const TYPE_DECLARATIONS = new Set(["interface", "type"]);

/**
 * The names an entry file exports, as `{ values, types, problems }` (sorted). `export * from
 * "./x.js"` is followed through `follow(specifier)` (the text of that file, or undefined when it
 * cannot be read, which is a problem), so a barrel of barrels is listed in full.
 */
export function exportedNames(source, { declarations, follow = () => undefined, depth = 0 }) {
  const text = source.replace(COMMENTS, "$1");
  const values = new Set();
  const types = new Set();
  const problems = [];
  for (const [, typeOnly, list] of text.matchAll(EXPORT_LIST)) {
    for (const raw of list.split(",")) {
      const item = raw.trim();
      if (item === "") continue;
      const isType = Boolean(typeOnly) || /^type\s/.test(item);
      const name = item
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .at(-1)
        .trim();
      (isType ? types : values).add(name);
    }
  }
  for (const [, typeOnly, , alias, specifier] of text.matchAll(EXPORT_STAR)) {
    if (alias) {
      (typeOnly ? types : values).add(alias);
      continue;
    }
    const target = depth < MAX_STAR_DEPTH ? follow(specifier) : undefined;
    if (target === undefined) {
      problems.push(`export * from "${specifier}" could not be followed`);
      continue;
    }
    const inner = exportedNames(target.text, { declarations, follow: target.follow, depth: depth + 1 });
    for (const name of inner.values) (typeOnly ? types : values).add(name);
    for (const name of inner.types) types.add(name);
    problems.push(...inner.problems);
  }
  for (const [, kind, name] of text.matchAll(EXPORT_DECLARATION)) {
    (TYPE_DECLARATIONS.has(kind) ? types : values).add(name);
  }
  if (EXPORT_DEFAULT.test(text)) values.add("default");
  // A class or enum is a type too; in a declaration file only its value side is listed.
  const sorted = (set) => [...set].sort();
  return declarations
    ? { values: sorted(values), types: sorted(types), problems }
    : { values: sorted(values), types: [], problems };
}

/** The entries of a manifest's `exports` map that have code: `[subpath, { types, default }]`. */
export function manifestEntries(manifest) {
  return Object.entries(manifest.exports ?? {}).filter(
    ([, target]) => typeof target === "object" && target !== null && typeof target.types === "string",
  );
}

/** `{ "<subpath>": { values, types } }` for one package, read from its built files under `dir`. */
export function packageExports(dir, manifest) {
  const read = (path) => readFileSync(join(dir, path), "utf8");
  // A relative `export *` of a declaration file names a .js file whose declarations sit beside it.
  const follower = (fromPath) => (specifier) => {
    if (!specifier.startsWith(".")) return undefined;
    const path = posix.join(posix.dirname(fromPath), specifier).replace(/\.(m|c)?js$/, ".d.$1ts");
    try {
      return { text: read(path), follow: follower(path) };
    } catch {
      return undefined;
    }
  };
  const entries = {};
  const problems = [];
  for (const [subpath, target] of manifestEntries(manifest)) {
    const declared = exportedNames(read(target.types), {
      declarations: true,
      follow: follower(target.types),
    });
    const runtime = exportedNames(read(target.default ?? target.import), { declarations: false });
    const where = `${manifest.name}${subpath === "." ? "" : subpath.slice(1)}`;
    problems.push(...[...declared.problems, ...runtime.problems].map((problem) => `${where}: ${problem}`));
    const missing = declared.values.filter((name) => !runtime.values.includes(name));
    const undeclared = runtime.values.filter((name) => !declared.values.includes(name));
    if (missing.length > 0)
      problems.push(`${where}: declared but not in the JavaScript: ${missing.join(", ")}`);
    if (undeclared.length > 0)
      problems.push(`${where}: in the JavaScript but not declared: ${undeclared.join(", ")}`);
    entries[subpath] = { values: declared.values, types: declared.types };
  }
  return { entries, problems };
}

/**
 * What differs between the exports of `actual` and `expected` (both
 * `{ "<package>": { "<subpath>": { values, types } } }`), one line per entry and change.
 */
export function exportDifferences(actual, expected) {
  const lines = [];
  const names = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  for (const pkg of names) {
    const subpaths = [
      ...new Set([...Object.keys(actual[pkg] ?? {}), ...Object.keys(expected[pkg] ?? {})]),
    ].sort();
    for (const subpath of subpaths) {
      const now = actual[pkg]?.[subpath];
      const then = expected[pkg]?.[subpath];
      const where = `${pkg} "${subpath}"`;
      if (now === undefined) {
        lines.push(`${where}: entry gone (listed in exports.json)`);
        continue;
      }
      if (then === undefined) {
        lines.push(`${where}: new entry, not in exports.json`);
        continue;
      }
      for (const kind of ["values", "types"]) {
        const added = now[kind].filter((name) => !then[kind].includes(name));
        const removed = then[kind].filter((name) => !now[kind].includes(name));
        if (added.length > 0) lines.push(`${where}: new ${kind}: ${added.join(", ")}`);
        if (removed.length > 0) lines.push(`${where}: ${kind} gone: ${removed.join(", ")}`);
      }
    }
  }
  return lines;
}

/** The recorded export lists. */
export function readExpectedExports(file = EXPORTS_FILE) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Every published package's exports, read from the package roots given (built dists or unpacked tarballs). */
export function collectExports(packages) {
  const actual = {};
  const problems = [];
  for (const pkg of packages) {
    const found = packageExports(pkg.root, pkg.manifest);
    actual[pkg.name] = found.entries;
    problems.push(...found.problems);
  }
  return { actual, problems };
}

/** One line per entry of `actual` (as collectExports gives it): how many values and types it exports. */
function countLines(actual) {
  return Object.entries(actual).flatMap(([name, entries]) =>
    Object.entries(entries).map(
      ([subpath, { values, types }]) =>
        `${name} "${subpath}": ${values.length} values, ${types.length} types`,
    ),
  );
}

/**
 * The exact export list of every entry of every tarball against scripts/release/exports.json: a
 * new export, or a lost one, fails until that file says so (`node scripts/release/exports.mjs
 * --write` after a build), so the public surface only changes in a reviewed diff.
 */
export function checkExports(packed) {
  const { actual, problems } = collectExports(packed);
  const differences = exportDifferences(actual, readExpectedExports());
  for (const line of countLines(actual)) process.stdout.write(`  ${line}\n`);
  if (problems.length + differences.length > 0) {
    throw new CheckFailure(
      `the export lists differ from scripts/release/exports.json (review, then run node scripts/release/exports.mjs --write):\n${[...problems, ...differences].map((line) => `  - ${line}`).join("\n")}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { publishedPackages } = await import("./workspace.mjs");
  const root = resolve(import.meta.dirname, "../..");
  const packages = publishedPackages(root).map((pkg) => ({ ...pkg, root: pkg.dir }));
  const { actual, problems } = collectExports(packages);
  for (const line of countLines(actual)) process.stdout.write(`${line}\n`);
  if (process.argv.includes("--write")) {
    writeFileSync(EXPORTS_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    // In the repository's own format, so `pnpm lint` passes on the file as written.
    const { execFileSync } = await import("node:child_process");
    execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", EXPORTS_FILE], {
      stdio: "ignore",
    });
    process.stdout.write(`wrote ${EXPORTS_FILE}\n`);
  } else {
    const differences = exportDifferences(actual, readExpectedExports());
    for (const line of [...problems, ...differences]) process.stdout.write(`  ${line}\n`);
    process.exitCode = problems.length + differences.length > 0 ? 1 : 0;
  }
}
