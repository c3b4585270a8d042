import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Snippet } from "./markdown.js";
import { REPO_ROOT, snippetFileName } from "./sources.js";

/** Where snippets are written: inside this package, so they resolve its (built) dependencies. */
export const GENERATED_DIR = join(REPO_ROOT, "apps/readme-snippets/.generated");

const TSC = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
const MINUTE = 60_000;

// Each block compiles as a module of its own (top-level await, no clashes between blocks), with
// the repository's strict settings, as a user's project would.
const TSCONFIG = {
  extends: "../../../tsconfig.base.json",
  compilerOptions: { noEmit: true, moduleDetection: "force", declaration: false },
  include: ["*.ts"],
};

/** Writes every snippet to {@link GENERATED_DIR}, replacing what was there. */
export function writeSnippets(snippets: readonly Snippet[]): void {
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, "tsconfig.json"), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  for (const snippet of snippets) writeFileSync(join(GENERATED_DIR, snippetFileName(snippet)), snippet.code);
}

/** One compiler error, placed in the markdown file. */
export interface SnippetDiagnostic {
  /** `README.md:45: error TS2304: Cannot find name 'qwen'.` */
  readonly text: string;
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/;

/**
 * Type-checks every written snippet in one `tsc` run against the built packages and returns the
 * errors by snippet file name, their lines moved to the markdown file's.
 */
export async function compileSnippets(
  snippets: readonly Snippet[],
): Promise<ReadonlyMap<string, readonly SnippetDiagnostic[]>> {
  const byName = new Map(snippets.map((snippet) => [snippetFileName(snippet), snippet]));
  let output: string;
  try {
    const result = await promisify(execFile)(
      process.execPath,
      [TSC, "-p", join(GENERATED_DIR, "tsconfig.json"), "--pretty", "false"],
      { cwd: GENERATED_DIR, timeout: 5 * MINUTE, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
    );
    output = result.stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; killed?: boolean };
    if (failed.killed || failed.stdout === undefined) throw error;
    output = `${failed.stdout}${failed.stderr ?? ""}`;
  }
  const diagnostics = new Map<string, SnippetDiagnostic[]>();
  const unplaced: string[] = [];
  let last: SnippetDiagnostic[] | undefined;
  for (const line of output.split("\n")) {
    const match = DIAGNOSTIC.exec(line.trim());
    if (!match) {
      // Continuation lines of a multi-line message belong to the error before them.
      if (line.startsWith(" ") && last !== undefined) last.push({ text: `  ${line.trim()}` });
      else if (line.trim() !== "") unplaced.push(line);
      continue;
    }
    const [, path = "", row = "0", , message = ""] = match;
    const name = path.replace(/^.*[\\/]/, "");
    const snippet = byName.get(name);
    if (snippet === undefined) {
      unplaced.push(line);
      last = undefined;
      continue;
    }
    const list = diagnostics.get(name) ?? [];
    list.push({ text: `${snippet.file}:${snippet.line + Number(row) - 1}: ${message}` });
    diagnostics.set(name, list);
    last = list;
  }
  if (unplaced.length > 0) throw new Error(`tsc reported outside the snippets:\n${unplaced.join("\n")}`);
  return diagnostics;
}
