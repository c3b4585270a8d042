import { describe, expect, it } from "vitest";
import { extractSnippets, SnippetMarkerError } from "./markdown.js";

const md = (...lines: string[]) => lines.join("\n");

describe("extractSnippets", () => {
  it("finds ts and typescript blocks with their first code line, and nothing else", () => {
    const text = md(
      "# Title",
      "```sh",
      "pnpm add x",
      "```",
      "```ts",
      'const a = "one";',
      "```",
      "",
      "```typescript",
      "const b = 2;",
      "```",
    );
    expect(extractSnippets(text, "README.md")).toEqual([
      { file: "README.md", line: 6, code: 'const a = "one";\n', mode: "typecheck", env: {} },
      { file: "README.md", line: 10, code: "const b = 2;\n", mode: "typecheck", env: {} },
    ]);
  });

  it("reads the marker on the nearest non-blank line above the fence", () => {
    const text = md(
      "<!-- snippet: run QWEN_API_KEY=sk-sp-test-0000 REGION=cn -->",
      "",
      "```ts",
      "run();",
      "```",
      "<!-- snippet: vitest -->",
      "```ts",
      'it("x", () => {});',
      "```",
      "<!-- snippet: run -->",
      "Some prose in between.",
      "```ts",
      "plain();",
      "```",
    );
    expect(extractSnippets(text, "a.md").map(({ mode, env }) => ({ mode, env }))).toEqual([
      { mode: "run", env: { QWEN_API_KEY: "sk-sp-test-0000", REGION: "cn" } },
      { mode: "vitest", env: {} },
      { mode: "typecheck", env: {} },
    ]);
  });

  it("strips a list item's indentation and keeps a ts block shown inside another fence as text", () => {
    const text = md(
      "- step",
      "  ```ts",
      "  const x = 1;",
      "    nested();",
      "  ```",
      "````md",
      "```ts",
      "no();",
      "```",
      "````",
    );
    const snippets = extractSnippets(text, "a.md");
    expect(snippets.map((s) => s.code)).toEqual(["const x = 1;\n  nested();\n"]);
  });

  it.each([
    ["<!-- snippet: runn -->", /unknown snippet mode "runn"/],
    ["<!-- snippet: vitest A=1 -->", /only "run" snippets take NAME=value pairs/],
    ["<!-- snippet: run A -->", /"A" is not NAME=value/],
  ])("rejects the marker %s", (marker, message) => {
    const text = md(marker, "```ts", "x();", "```");
    expect(() => extractSnippets(text, "a.md")).toThrow(SnippetMarkerError);
    expect(() => extractSnippets(text, "a.md")).toThrow(message);
  });
});
