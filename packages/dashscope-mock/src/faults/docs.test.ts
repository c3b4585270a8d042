import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { faultTableMarkdown } from "./docs.js";
import { FAULT_SPECS, MOCK_FAULT_TYPES } from "./specs.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const START = /<!-- fault-table:start[^>]*-->\n/;
const END = "\n<!-- fault-table:end -->";

describe("the README's fault table", () => {
  it("is the one FAULT_SPECS writes (regenerate it with faultTableMarkdown() when the table changes)", () => {
    const start = START.exec(README);
    expect(start).not.toBeNull();
    const from = (start?.index ?? 0) + (start?.[0].length ?? 0);
    expect(README.slice(from, README.indexOf(END, from))).toBe(faultTableMarkdown());
  });

  it("has a row per fault type naming every parameter", () => {
    const table = faultTableMarkdown();
    for (const type of MOCK_FAULT_TYPES) {
      const row = table.split("\n").find((line) => line.startsWith(`| \`${type}\` `)) ?? "";
      for (const name of Object.keys(FAULT_SPECS[type].params)) expect(row).toContain(`\`${name}=`);
    }
    expect(table).toContain("`times=<n>`");
  });
});
