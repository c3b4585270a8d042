// The cost of a package's main entry to a user who bundles it: esbuild-minified and gzipped, with
// other packages left out (they are the user's to count once), as bundlers and size budgets do.
import { mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Min+gzip budgets, in bytes (1 kB = 1000 bytes, the stricter reading). A package without a
 * budget is measured and printed only.
 */
// Core was 7.1 kB with four hosts; five endpoint families over six regions, the auth-choice and
// dated plan-list tables, the OpenClaw config reader (substitution, SecretRefs) and the one
// redaction rule brought it to 17.6 kB (measured 2026-12-01). The budget holds it near that.
export const SIZE_BUDGETS = { "@qwenkit/core": 20000 };

/**
 * Edge bundles: what a Worker or a browser page ships for a package, the workspace packages it
 * imports bundled in and the peers listed left out (the user counts them once: the openai SDK
 * alone is far bigger than qwenkit). Min+gzip budget in bytes, as for SIZE_BUDGETS.
 */
export const EDGE_BUNDLES = {
  "@qwenkit/provider": { bundled: ["@qwenkit/core"], external: ["openai"], budget: 36000 },
};

/** The size table's name for an edge bundle. */
export const edgeBundleName = (name, spec = EDGE_BUNDLES[name]) =>
  `${[name, ...spec.bundled].join(" + ")} (edge)`;

/** Edge budgets keyed by their size-table name, to pass to budgetProblems and sizeTable with SIZE_BUDGETS. */
export const edgeBudgets = (edge = EDGE_BUNDLES) =>
  Object.fromEntries(Object.entries(edge).map(([name, spec]) => [edgeBundleName(name, spec), spec.budget]));

/** Every budget of a release, by size-table name: the main entries' and the edge bundles'. */
export const releaseBudgets = (edge = EDGE_BUNDLES) => ({ ...SIZE_BUDGETS, ...edgeBudgets(edge) });

/** The file `import "<package>"` loads, relative to the package root, from its `exports` (or `main`). */
export function mainEntry(manifest) {
  const root = manifest.exports?.["."] ?? manifest.exports;
  const pick = (value) => {
    if (typeof value === "string") return value;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    for (const condition of ["node", "import", "default"]) {
      const found = condition in value ? pick(value[condition]) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const target = pick(root) ?? manifest.main;
  if (target === undefined) throw new Error(`${manifest.name} has no main entry in exports or main`);
  return target.replace(/^\.\//, "");
}

/** esbuild, as the workspace already has it through tsup (pnpm does not hoist it to the root). */
export function loadEsbuild(root) {
  const fromRoot = createRequire(`${root}/package.json`);
  return createRequire(fromRoot.resolve("tsup"))("esbuild");
}

/** Raw, minified and min+gzip sizes of the bundle that starts at `file`, and the minified code. */
export function measureEntry(esbuild, file) {
  return measure(esbuild, {
    entryPoints: [file],
    platform: "node",
    packages: "external",
    target: "node22",
  });
}

/**
 * The edge bundle of `name`: `export * from "<name>"` bundled for a platform without Node's
 * built-ins, with the export conditions workerd's and browsers' bundlers use, so a `node:`
 * import anywhere in it fails the measurement. `roots` maps each package of the bundle to its
 * folder (an unpacked tarball); they are linked into `scratch`/node_modules and resolve through
 * their own `exports`, as a user's bundler resolves them.
 */
export function measureEdgeBundle(esbuild, name, roots, scratch, spec = EDGE_BUNDLES[name]) {
  for (const pkg of [name, ...spec.bundled]) {
    const link = join(scratch, "node_modules", pkg);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(roots[pkg], link, "dir");
  }
  return measure(esbuild, {
    stdin: { contents: `export * from ${JSON.stringify(name)};\n`, resolveDir: scratch, loader: "js" },
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    external: spec.external.flatMap((peer) => [peer, `${peer}/*`]),
    // Resolve from the links' paths, so each package finds the others in scratch/node_modules.
    preserveSymlinks: true,
    target: "es2022",
  });
}

async function measure(esbuild, settings) {
  // Silent: a failed build throws with esbuild's messages, which the step prints.
  const options = {
    ...settings,
    bundle: true,
    write: false,
    format: "esm",
    legalComments: "none",
    logLevel: "silent",
  };
  const [raw, minified] = await Promise.all([
    esbuild.build(options),
    esbuild.build({ ...options, minify: true }),
  ]);
  const bytes = minified.outputFiles[0].contents;
  return {
    raw: raw.outputFiles[0].contents.length,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    code: minified.outputFiles[0].text,
  };
}

/**
 * The size rows of a release: the main entry of each packed package (`{ name, root, manifest }`,
 * an unpacked tarball), then each edge bundle of `edge`, built from those roots in a folder of
 * its own under `scratch`.
 */
export async function measurePackages(esbuild, packed, scratch, edge = EDGE_BUNDLES) {
  const rows = [];
  for (const pkg of packed) {
    const entry = mainEntry(pkg.manifest);
    rows.push({ name: pkg.name, entry, ...(await measureEntry(esbuild, join(pkg.root, entry))) });
  }
  const roots = Object.fromEntries(packed.map((pkg) => [pkg.name, pkg.root]));
  for (const [name, spec] of Object.entries(edge)) {
    const dir = join(scratch, "edge", name.replace("/", "__"));
    const size = await measureEdgeBundle(esbuild, name, roots, dir, spec);
    rows.push({ name: edgeBundleName(name, spec), entry: `without ${spec.external.join(", ")}`, ...size });
  }
  return rows;
}

/** Packages whose min+gzip size reaches their budget. */
export function budgetProblems(rows, budgets = SIZE_BUDGETS) {
  return rows
    .filter((row) => row.name in budgets && row.gzip >= budgets[row.name])
    .map(
      (row) =>
        `${row.name}: ${row.entry} is ${row.gzip} B min+gzip; the budget is under ${budgets[row.name]} B`,
    );
}

/** The size table printed by the release scripts. */
export function sizeTable(rows, budgets = SIZE_BUDGETS) {
  const header = ["package", "entry", "bundle", "min", "min+gzip", "budget"];
  const body = rows.map((row) => [
    row.name,
    row.entry,
    `${row.raw} B`,
    `${row.minified} B`,
    `${row.gzip} B`,
    row.name in budgets ? `< ${budgets[row.name]} B` : "-",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}
