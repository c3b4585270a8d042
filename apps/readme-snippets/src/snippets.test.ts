import { beforeAll, describe, expect, it } from "vitest";
import { compileSnippets, type SnippetDiagnostic, writeSnippets } from "./compile.js";
import { runSnippet } from "./run.js";
import { allSnippets, snippetFileName } from "./sources.js";

const snippets = allSnippets();
const named = snippets.map((snippet) => ({ ...snippet, name: `${snippet.file}:${snippet.line}` }));
let diagnostics: ReadonlyMap<string, readonly SnippetDiagnostic[]>;

beforeAll(async () => {
  writeSnippets(snippets);
  diagnostics = await compileSnippets(snippets);
});

describe("every ts block of the READMEs and docs", () => {
  it("there are blocks to check (the sources were found)", () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it.each(named)("$name compiles standalone against the built packages", (snippet) => {
    const errors = (diagnostics.get(snippetFileName(snippet)) ?? []).map((d) => d.text);
    expect(errors, errors.join("\n")).toEqual([]);
  });

  const runnable = named.filter((snippet) => snippet.mode !== "typecheck");
  it.each(runnable)("$name runs ($mode) against the DashScope mock", async (snippet) => {
    const run = await runSnippet(snippet);
    expect(run.ok, run.report).toBe(true);
  });
});
