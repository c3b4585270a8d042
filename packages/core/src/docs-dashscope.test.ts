import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENDPOINT_FAMILIES, type EndpointFamilyId, type EndpointFamilySpec } from "./endpoints/families.js";
import { PLAN_MODEL_LISTS, type PlanModelListId } from "./plan-models.js";

// docs/dashscope.md tells users what these tables hold; the tables are the truth, so the page
// must say the same (a table row changed without the page fails here).
const DOC = readFileSync(new URL("../../../docs/dashscope.md", import.meta.url), "utf8");

/** The rows of the markdown table that follows `heading`, as cells. */
function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/dashscope.md has no "${heading}"`);
  const lines = DOC.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const hostRows = tableAfter("## Hosts");
const families = Object.entries(ENDPOINT_FAMILIES) as [EndpointFamilyId, EndpointFamilySpec][];

describe("docs/dashscope.md agrees with ENDPOINT_FAMILIES", () => {
  it("has a row per family", () => {
    expect(hostRows).toHaveLength(families.length);
  });

  it.each(families)("%s: hosts, regions, base path and /models as in the table", (_id, spec) => {
    const hosts =
      spec.host.kind === "fixed"
        ? Object.entries(spec.host.byRegion).map(([region, host]) => ({ host, region }))
        : [{ host: spec.host.template, region: undefined }];
    const row = hostRows.find((cells) =>
      (cells[2] ?? "").toLowerCase().includes(`\`${hosts[0]?.host.toLowerCase()}\``),
    );
    expect(row, `no row names ${hosts[0]?.host}`).toBeDefined();
    const [, , hostCell = "", regionCell = "", pathCell = "", modelsCell = ""] = row ?? [];
    for (const { host, region } of hosts) {
      expect(hostCell.toLowerCase()).toContain(`\`${host.toLowerCase()}\`${region ? ` (${region})` : ""}`);
    }
    for (const region of spec.regions) expect(`${hostCell} ${regionCell}`).toContain(region);
    expect(pathCell).toBe(`\`${spec.basePath}\``);
    expect(modelsCell.startsWith(spec.modelsEndpoint ? "yes" : "no")).toBe(true);
  });
});

describe("docs/dashscope.md agrees with PLAN_MODEL_LISTS", () => {
  const rows = tableAfter("## Models on the plans").filter((cells) => cells[0]?.startsWith("`"));
  const lists = Object.entries(PLAN_MODEL_LISTS) as [
    PlanModelListId,
    { readonly models: readonly string[] },
  ][];

  it.each(lists)("%s lists the same models", (id, list) => {
    const row = rows.find((cells) => cells[0]?.startsWith(`\`${id}\``));
    expect(row, `no row for ${id}`).toBeDefined();
    const written = (row?.[1] ?? "").split(",").map((model) => model.trim());
    expect(new Set(written)).toEqual(new Set(list.models));
    expect(written).toHaveLength(list.models.length);
  });
});
