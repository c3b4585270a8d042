// The workspace's published packages, read from their manifests, in the order they can be published.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Folders (from pnpm-workspace.yaml) whose sub-folders are workspace packages. */
export const WORKSPACE_GROUPS = ["packages", "apps"];

const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];

/**
 * Orders packages so that each comes after the workspace packages it depends on at run time, so
 * a consumer never sees a package whose dependency is not published yet. Ties keep name order.
 */
export function publishOrder(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const state = new Map();
  const visit = (pkg, path) => {
    if (state.get(pkg.name) === "done") return;
    if (state.get(pkg.name) === "visiting") {
      throw new Error(
        `workspace packages depend on each other in a cycle: ${[...path, pkg.name].join(" -> ")}`,
      );
    }
    state.set(pkg.name, "visiting");
    const needs = DEPENDENCY_FIELDS.flatMap((field) => Object.keys(pkg.manifest[field] ?? {}));
    for (const name of needs.sort()) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency, [...path, pkg.name]);
    }
    state.set(pkg.name, "done");
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}

/** Every workspace package that is not private, as `{ name, dir, manifest }`, in publish order. */
export function publishedPackages(root) {
  const packages = [];
  for (const group of WORKSPACE_GROUPS) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      const manifestPath = join(groupDir, entry.name, "package.json");
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (manifest.private !== true)
        packages.push({ name: manifest.name, dir: join(groupDir, entry.name), manifest });
    }
  }
  return publishOrder(packages);
}
