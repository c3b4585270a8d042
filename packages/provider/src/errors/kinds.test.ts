import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QWEN_API_ERROR_KIND_IDS, QWEN_API_ERROR_KINDS } from "./kinds.js";

/** The README's error table: one row of cells per kind. */
function readmeRows(): string[][] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Errors"));
  const table = section.slice(
    section.indexOf("| `kind`"),
    section.indexOf("\n\n", section.indexOf("| `kind`")),
  );
  return table
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** The rows the kinds table says the README must have, in the table's order. */
const expectedRows = (): string[][] =>
  QWEN_API_ERROR_KIND_IDS.map((kind) => {
    const spec = QWEN_API_ERROR_KINDS[kind];
    return [`\`${kind}\``, spec.cause, spec.retryable ? "yes" : "no", spec.action];
  });

describe("QWEN_API_ERROR_KINDS", () => {
  it("is what the README's error table shows, row for row", () => {
    expect(readmeRows()).toEqual(expectedRows());
  });

  it("names every kind in the README's switch example", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const kind of QWEN_API_ERROR_KIND_IDS) expect(readme).toContain(`case "${kind}":`);
  });
});
