import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBuilder } from "./text-builder.js";

describe("TextBuilder", () => {
  it("gives the pieces joined in order, across batch boundaries", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 1_200 }), (pieces) => {
        const builder = new TextBuilder();
        for (const piece of pieces) builder.append(piece);
        expect(builder.toString()).toBe(pieces.join(""));
      }),
      { numRuns: 50 },
    );
  });

  it("can be read, appended to and read again", () => {
    const builder = new TextBuilder();
    builder.append("Hang");
    expect(builder.toString()).toBe("Hang");
    builder.append("zhou");
    expect(builder.toString()).toBe("Hangzhou");
  });

  it("keeps 100,000 deltas at about the size of their text", () => {
    const builder = new TextBuilder();
    for (let index = 0; index < 100_000; index += 1) builder.append(index % 2 === 0 ? " the" : " rain");
    const text = builder.toString();
    expect(text.length).toBe(450_000);
    expect(text.startsWith(" the rain the")).toBe(true);
  });
});
