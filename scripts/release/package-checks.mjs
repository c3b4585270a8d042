// Packs each published package exactly as `pnpm publish` would (workspace ranges rewritten) and
// checks the tarballs: contents, manifest, publint, attw and the size of the main entry.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { CheckFailure, mustRun, run, tail } from "./exec.mjs";
import { checkExports } from "./exports.mjs";
import { budgetProblems, loadEsbuild, measurePackages, releaseBudgets, sizeTable } from "./size.mjs";
import { contentProblems, manifestProblems } from "./tarball-rules.mjs";

const MINUTE = 60_000;

/**
 * Why attw runs with its default (strict) profile minus one rule: the packages are ESM-only, and a
 * `require()` of them resolves to ESM, which attw reports as `cjs-resolves-to-esm` because its
 * model predates Node's require(esm). Node >= 22.12 (our engines floor) loads it; every other
 * resolution attw checks (node10, node16 from CJS and ESM, bundler) still has to pass.
 */
export const ATTW_ARGS = ["--ignore-rules", "cjs-resolves-to-esm", "--format", "table-flipped", "--no-color"];

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Packs one package into `destination` and unpacks it beside the tarball for inspection. */
async function packOne(session, pkg, destination, env) {
  const { stdout } = await mustRun(
    session.tracker,
    `packing ${pkg.name}`,
    "pnpm",
    ["pack", "--pack-destination", destination, "--json"],
    { cwd: pkg.dir, env, timeoutMs: 2 * MINUTE },
  );
  const report = JSON.parse(stdout.slice(stdout.indexOf("{")));
  const unpacked = join(destination, "unpacked", pkg.name.replace("/", "__"));
  mkdirSync(unpacked, { recursive: true });
  await mustRun(session.tracker, `unpacking ${pkg.name}`, "tar", ["-xzf", report.filename, "-C", unpacked], {
    env,
    timeoutMs: MINUTE,
  });
  const root = join(unpacked, "package");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return {
    name: pkg.name,
    version: manifest.version,
    tarball: report.filename,
    root,
    manifest,
    files: listFiles(root),
  };
}

/** Packs every package; a package that fails to pack fails the step. */
export async function packAll(session, packages, env) {
  const destination = join(session.dir, "tarballs");
  mkdirSync(destination, { recursive: true });
  const packed = [];
  for (const pkg of packages) {
    const one = await packOne(session, pkg, destination, env);
    process.stdout.write(`  ${one.name}@${one.version}: ${one.files.length} files in ${one.tarball}\n`);
    packed.push(one);
  }
  return packed;
}

/** Contents and manifest rules for every tarball, all problems reported together. */
export function checkContents(packed) {
  const problems = [];
  for (const pkg of packed) {
    const read = (path) => readFileSync(join(pkg.root, path), "utf8");
    const found = [...contentProblems(pkg.files, read), ...manifestProblems(pkg.manifest, pkg.files, read)];
    problems.push(...found.map((problem) => `${pkg.name}: ${problem}`));
    if (found.length === 0) process.stdout.write(`  ${pkg.name}: ${pkg.files.join(", ")}\n`);
  }
  if (problems.length > 0) {
    throw new CheckFailure(
      `the tarballs break the release rules:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

/** Runs a linter per tarball, reporting every package that fails rather than stopping at the first. */
async function lintEach(session, packed, tool, args, env) {
  const failures = [];
  for (const pkg of packed) {
    const result = await run(session.tracker, tool, [...args(pkg.tarball)], { env, timeoutMs: 2 * MINUTE });
    const output = `${result.stdout}${result.stderr}`.trim();
    if (result.code === 0) {
      process.stdout.write(`  ${pkg.name}: ok\n`);
    } else {
      const why = result.error ? `could not start ${tool}: ${result.error.message}` : tail(output, 60);
      failures.push(`${pkg.name}:\n${why}`);
    }
  }
  if (failures.length > 0) throw new CheckFailure(`${tool} failed for:\n${failures.join("\n")}`);
}

export const publint = (session, packed, root, env) =>
  lintEach(
    session,
    packed,
    join(root, "node_modules", ".bin", "publint"),
    (tgz) => ["run", "--strict", tgz],
    env,
  );

export const attw = (session, packed, root, env) =>
  lintEach(session, packed, join(root, "node_modules", ".bin", "attw"), (tgz) => [tgz, ...ATTW_ARGS], env);

/**
 * Measures each package's main entry and each edge bundle (from the tarballs), prints the table,
 * and fails when a budget is reached.
 */
export async function sizes(packed, root, scratch) {
  const rows = await measurePackages(loadEsbuild(root), packed, scratch);
  const budgets = releaseBudgets();
  process.stdout.write(`${sizeTable(rows, budgets)}\n`);
  const problems = budgetProblems(rows, budgets);
  if (problems.length > 0) throw new CheckFailure(`size budget exceeded:\n  ${problems.join("\n  ")}`);
  return rows;
}

/** The package-level steps shared by check-packages and release-verify. Returns the packed tarballs. */
export async function packageSteps(steps, session, packages, root, env) {
  const packed = await steps.step("pack every published package", () => packAll(session, packages, env), {
    required: true,
  });
  await steps.step("tarball contents and manifests", () => checkContents(packed));
  await steps.step("publint --strict", () => publint(session, packed, root, env));
  await steps.step("attw (ESM-only: cjs-resolves-to-esm ignored)", () => attw(session, packed, root, env));
  await steps.step("exact export list of every entry (scripts/release/exports.json)", () =>
    checkExports(packed),
  );
  await steps.step("min+gzip size of each main entry and edge bundle", () =>
    sizes(packed, root, session.dir),
  );
  return packed;
}
