// Proof that a scratch install came from the local registry alone and not from the work tree.

/**
 * Problems in an npm lockfile (v2/v3) of a project that must install from `registryUrl` only:
 * links, local paths and tarballs from anywhere else. Bundled dependencies have no source of their own.
 */
export function lockfileProblems(lock, registryUrl) {
  const problems = [];
  const packages = Object.entries(lock.packages ?? {}).filter(([path]) => path !== "");
  if (packages.length === 0) problems.push("the lockfile lists no installed packages");
  for (const [path, entry] of packages) {
    if (entry.inBundle === true) continue;
    if (entry.link === true) {
      problems.push(`${path} is a link to ${entry.resolved}, not a package from the registry`);
    } else if (typeof entry.resolved !== "string" || !entry.resolved.startsWith(registryUrl)) {
      problems.push(`${path} came from ${entry.resolved ?? "an unknown source"}, not from ${registryUrl}`);
    }
  }
  return problems;
}
