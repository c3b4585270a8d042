import { describe, expect, it } from "vitest";
import { formatTable } from "./table.js";

describe("formatTable", () => {
  it("pads columns to their widest cell, aligned as asked", () => {
    const table = formatTable(
      ["subject", "ms"],
      [
        ["floor", "9.5"],
        ["@qwenkit/provider", "1204.0"],
      ],
      ["left", "right"],
    );
    expect(table).toBe(
      [
        "subject                ms",
        "-----------------  ------",
        "floor                 9.5",
        "@qwenkit/provider  1204.0",
      ].join("\n"),
    );
  });
});
