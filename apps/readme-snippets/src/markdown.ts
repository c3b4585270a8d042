/**
 * How a ts block is checked, chosen by an HTML comment on the line above its fence:
 *
 * - no comment: `typecheck`: it must compile, standalone, against the built packages;
 * - `<!-- snippet: run [NAME=value …] -->`: it also runs with Node, the DashScope mock intercepting
 *   every request (nothing reaches the network; a snippet that imports `@qwenkit/dashscope-mock`
 *   sets it up itself) and only the variables given in its environment;
 * - `<!-- snippet: vitest -->`: it is a vitest test file; it also runs with vitest.
 */
export type SnippetMode = "typecheck" | "run" | "vitest";

/** One ts block of a markdown file. */
export interface Snippet {
  /** The markdown file, relative to the repository root. */
  readonly file: string;
  /** The 1-based line of the block's first code line in `file`. */
  readonly line: number;
  readonly code: string;
  readonly mode: SnippetMode;
  /** The environment of a `run` block (from its comment); nothing else is inherited but `PATH`. */
  readonly env: Readonly<Record<string, string>>;
}

/** A marker comment that does not parse: a typo must not silently turn a run into a typecheck. */
export class SnippetMarkerError extends Error {
  override readonly name = "SnippetMarkerError";
}

const FENCE = /^(\s*)(`{3,})([^`\s]*)\s*$/;
const MARKER = /^\s*<!--\s*snippet:(.*?)-->\s*$/;
const MODES: readonly SnippetMode[] = ["typecheck", "run", "vitest"];
const ENV_PAIR = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/;

function parseMarker(text: string, where: string): Pick<Snippet, "mode" | "env"> {
  const [mode = "", ...pairs] = text.trim().split(/\s+/);
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new SnippetMarkerError(`${where}: unknown snippet mode "${mode}" (use ${MODES.join(", ")})`);
  }
  if (mode !== "run" && pairs.length > 0) {
    throw new SnippetMarkerError(`${where}: only "run" snippets take NAME=value pairs`);
  }
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const match = ENV_PAIR.exec(pair);
    if (!match) throw new SnippetMarkerError(`${where}: "${pair}" is not NAME=value`);
    env[match[1] as string] = match[2] as string;
  }
  return { mode: mode as SnippetMode, env };
}

/**
 * The ts blocks (```ts and ```typescript) of a markdown text, with their modes. Blocks inside
 * other fences (a ```md example showing a ts block) are not ts blocks.
 */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  let open:
    | { readonly indent: string; readonly ticks: number; readonly ts: boolean; readonly start: number }
    | undefined;
  let body: string[] = [];
  for (const [index, text] of lines.entries()) {
    const fence = FENCE.exec(text);
    if (open === undefined) {
      if (!fence) continue;
      const language = fence[3] ?? "";
      const ts = language === "ts" || language === "typescript";
      open = { indent: fence[1] ?? "", ticks: fence[2]?.length ?? 3, ts, start: index };
      body = [];
      continue;
    }
    // A fence closes with at least as many backticks as it opened with, and no language.
    const closes = fence !== null && fence[3] === "" && (fence[2]?.length ?? 0) >= open.ticks;
    if (!closes) {
      body.push(text);
      continue;
    }
    if (open.ts) {
      const previous = lines.slice(0, open.start).findLast((candidate) => candidate.trim() !== "");
      const marker = previous === undefined ? undefined : MARKER.exec(previous);
      const where = `${file}:${open.start + 1}`;
      const indent = open.indent;
      snippets.push({
        file,
        line: open.start + 2,
        code: `${body.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join("\n")}\n`,
        ...(marker ? parseMarker(marker[1] ?? "", where) : { mode: "typecheck", env: {} }),
      });
    }
    open = undefined;
  }
  return snippets;
}
