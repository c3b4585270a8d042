// What a published tarball may contain and what its manifest must say. Pure functions over a file
// list and a reader, so the rules are tested without packing anything.
import { posix } from "node:path";

/** Paths that never belong in a published package, with what they are. */
export const FORBIDDEN_PATHS = [
  { pattern: /(^|\/)[^/]+\.(test|spec)\.[^/]+$/, what: "a test file" },
  { pattern: /(^|\/)__fixtures__\//, what: "a test fixture" },
  { pattern: /(^|\/)__tests__\//, what: "a test" },
  { pattern: /(^|\/)test-utils\//, what: "a test helper" },
  { pattern: /(^|\/)\.vitest-report\.json$/, what: "a test report" },
  { pattern: /\.tsbuildinfo$/, what: "a TypeScript build cache" },
  { pattern: /(^|\/)\.turbo\//, what: "a turbo cache" },
];

const SCRIPT_FILE = /\.(m|c)?js$|\.d\.(m|c)?ts$/;
const JS_FILE = /\.(m|c)?js$/;
// One character outside ASCII (esbuild keeps comments inside object literals as written) makes
// V8 hold the whole module source as a two-byte string, which is slower to load at every import.
const NON_ASCII = /[\u0080-\uffff]/;
// The last sourceMappingURL comment wins, as in browsers and Node.
const MAPPING_URL = /\/[/*][#@]\s*sourceMappingURL=([^\s*]+)/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];
const LOCAL_RANGE = /^(workspace|link|file|portal):/;

/** Where `target` (relative to the file `from`) lands inside the package, or undefined if outside it. */
function inside(from, target) {
  if (URL_SCHEME.test(target) || target.startsWith("/")) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(from), target));
  return resolved === ".." || resolved.startsWith("../") ? undefined : resolved;
}

function mapProblems(mapPath, text, files) {
  let map;
  try {
    map = JSON.parse(text);
  } catch (error) {
    return [`${mapPath}: not a valid source map (${error.message})`];
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const root = typeof map.sourceRoot === "string" ? map.sourceRoot : "";
  const problems = [];
  sources.forEach((source, index) => {
    const target = inside(mapPath, posix.join(root, String(source)));
    if (target === undefined) {
      problems.push(`${mapPath}: source "${source}" points outside the package`);
    } else if (!files.has(target) && typeof map.sourcesContent?.[index] !== "string") {
      problems.push(`${mapPath}: source "${source}" is not in the package and has no sourcesContent`);
    }
  });
  return problems;
}

function mappingUrlProblems(path, text, files) {
  const url = [...text.matchAll(MAPPING_URL)].at(-1)?.[1];
  if (url === undefined) return [];
  const inline = url.match(/^data:application\/json[^,]*?(;base64)?,(.*)$/);
  if (inline) {
    const [, base64, body] = inline;
    const json = base64 ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
    return mapProblems(`${path} (inline map)`, json, files);
  }
  const target = inside(path, decodeURIComponent(url));
  if (target === undefined) return [`${path}: sourceMappingURL "${url}" points outside the package`];
  return files.has(target)
    ? []
    : [`${path}: sourceMappingURL "${url}" names a file the package does not contain`];
}

/** A JavaScript file's first character outside ASCII, with its line. */
function asciiProblems(path, text) {
  const found = NON_ASCII.exec(text);
  if (found === null) return [];
  const line = text.slice(0, found.index).split("\n").length;
  const code = text.codePointAt(found.index).toString(16).toUpperCase().padStart(4, "0");
  return [`${path}:${line}: U+${code} is not ASCII (write comments in ASCII; esbuild escapes strings)`];
}

/**
 * Problems with a tarball's contents: forbidden files, and source maps (files, inline maps and
 * sourceMappingURL comments) that point outside the package or at files it does not ship, and
 * JavaScript files that are not ASCII.
 * `paths` are relative to the package root; `read(path)` returns a file's text.
 */
export function contentProblems(paths, read) {
  const files = new Set(paths);
  const problems = [];
  for (const path of paths) {
    for (const rule of FORBIDDEN_PATHS) {
      if (rule.pattern.test(path)) problems.push(`${path}: ${rule.what} must not be published`);
    }
    if (path.endsWith(".map")) problems.push(...mapProblems(path, read(path), files));
    else if (SCRIPT_FILE.test(path)) {
      const text = read(path);
      problems.push(...mappingUrlProblems(path, text, files));
      if (JS_FILE.test(path)) problems.push(...asciiProblems(path, text));
    }
  }
  return problems;
}

/** Every file an `exports` value can point at, whatever the conditions. */
function exportTargets(value) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Whether an `exports` entry offers a `types` condition somewhere. */
function hasTypes(value) {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasTypes);
  return "types" in value || Object.values(value).some(hasTypes);
}

const normalizeTarget = (target) => posix.normalize(target.replace(/^\.\//, ""));

/**
 * Problems with a packed manifest (the package.json inside the tarball): the metadata every
 * published qwenkit package carries, resolvable dependency ranges, and entry points the tarball
 * really contains. `read(path)` is used for bin files (they need a Node shebang).
 */
export function manifestProblems(manifest, paths, read) {
  const files = new Set(paths);
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  need(typeof manifest.name === "string" && manifest.name !== "", "package.json has no name");
  need(typeof manifest.version === "string" && manifest.version !== "", "package.json has no version");
  need(typeof manifest.license === "string" && manifest.license !== "", "package.json has no license");
  const repository = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
  need(typeof repository === "string" && repository !== "", "package.json has no repository url");
  need(typeof manifest.engines?.node === "string", "package.json has no engines.node");
  need(
    typeof manifest.sideEffects === "boolean" || Array.isArray(manifest.sideEffects),
    "package.json does not declare sideEffects",
  );
  need(Array.isArray(manifest.files) && manifest.files.length > 0, "package.json has no files list");
  need(
    paths.some((path) => /^readme(\.md)?$/i.test(path)),
    "the package has no README.md at its root",
  );
  const root = manifest.exports?.["."];
  need(root !== undefined, 'package.json has no exports["."]');
  need(root === undefined || hasTypes(root), 'exports["."] has no "types" condition');
  for (const target of exportTargets(manifest.exports ?? {})) {
    if (target.includes("*")) continue;
    need(files.has(normalizeTarget(target)), `exports names ${target}, which the package does not contain`);
  }
  const bins = typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [name, target] of Object.entries(bins)) {
    const path = normalizeTarget(target);
    if (!files.has(path)) {
      problems.push(`bin ${name} names ${target}, which the package does not contain`);
    } else if (!read(path).startsWith("#!/usr/bin/env node")) {
      problems.push(`bin ${name} (${target}) does not start with "#!/usr/bin/env node"`);
    }
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      need(!LOCAL_RANGE.test(range), `${field}.${name} is "${range}", which no registry can resolve`);
    }
  }
  return problems;
}
