import { TIMES_KEY } from "./header.js";
import { FAULT_SPECS, MOCK_FAULT_TYPES, PARAMETER_KINDS, parametersOf } from "./specs.js";

/**
 * The README's table of faults, written from the fault table (a test keeps the README equal to it):
 * one row per fault type with its header keys and effect.
 */
export function faultTableMarkdown(): string {
  const rows = MOCK_FAULT_TYPES.map((type) => {
    const keys = parametersOf(type).map(([name, spec]) => {
      const shown = `\`${name}=${PARAMETER_KINDS[spec.kind].placeholder}\``;
      if (spec.required) return `${shown} (required)`;
      return spec.default === undefined ? shown : `${shown} (default \`${spec.default}\`)`;
    });
    return [`\`${type}\``, keys.join(", "), FAULT_SPECS[type].effect];
  });
  const header = ["type", "keys", "effect"];
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  return [
    line(header),
    rule,
    ...rows.map(line),
    "",
    `Every fault also takes \`${TIMES_KEY}=<n>\`: it applies to the first n requests that carry it.`,
  ].join("\n");
}
