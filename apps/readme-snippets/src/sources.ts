import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractSnippets, type Snippet } from "./markdown.js";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The markdown files whose ts blocks are checked, relative to the root: the root README, every
 * package's and app's README, and every page under docs/.
 */
export function markdownFiles(root: string = REPO_ROOT): string[] {
  const inFolders = (group: string) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .sort()
          .map((name) => `${group}/${name}/README.md`)
      : [];
  const docs = existsSync(join(root, "docs"))
    ? readdirSync(join(root, "docs"))
        .filter((name) => name.endsWith(".md"))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ["README.md", ...inFolders("packages"), ...inFolders("apps"), ...docs].filter((file) =>
    existsSync(join(root, file)),
  );
}

/** Every ts block of {@link markdownFiles}, in file order. */
export function allSnippets(root: string = REPO_ROOT): Snippet[] {
  return markdownFiles(root).flatMap((file) => extractSnippets(readFileSync(join(root, file), "utf8"), file));
}

/** A file name for a snippet: its markdown path and line, e.g. `packages__core__README-L24.ts`. */
export function snippetFileName(snippet: Snippet): string {
  const base = `${snippet.file.replace(/\.md$/, "").replaceAll("/", "__")}-L${snippet.line}`;
  return snippet.mode === "vitest" ? `${base}.snippet.test.ts` : `${base}.ts`;
}
