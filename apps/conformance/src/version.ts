import { readFileSync } from "node:fs";

/**
 * The version of this package, read from its package.json (one level above both `src/` and
 * `dist/`, so it is right in a checkout and in an installed tarball).
 */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
