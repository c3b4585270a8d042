import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { KEYS } from "./test-utils/endpoints.js";

/** Requests each README section's snippet sends to the mock; every `ts` block must be listed. */
const REQUESTS_BY_SECTION: Readonly<Record<string, number>> = {
  "Quick start": 1,
  "Choosing the endpoint": 0,
  "Structured output": 1,
  Tools: 2,
  Thinking: 1,
  "Usage and metadata": 1,
  Errors: 1,
  // It sets up a mock of its own.
  "Testing against the mock": 0,
};

const README = new URL("../README.md", import.meta.url);
// Inside the package, so the snippets' imports resolve as a user's would (to source, in tests).
const SNIPPETS = new URL("../.readme-snippets/", import.meta.url);

function snippets(): { section: string; code: string }[] {
  const found: { section: string; code: string }[] = [];
  let section = "";
  for (const block of readFileSync(README, "utf8").split(/^(?=## |```ts$)/m)) {
    if (block.startsWith("## ")) section = block.slice(3, block.indexOf("\n")).trim();
    else if (block.startsWith("```ts"))
      found.push({ section, code: block.slice(6, block.indexOf("```", 5)) });
  }
  return found;
}

const mock = setupDashscopeMock();
beforeAll(async () => {
  mkdirSync(SNIPPETS, { recursive: true });
  await mock.listen();
});
afterEach(() => {
  mock.reset();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(() => {
  mock.close();
  rmSync(SNIPPETS, { recursive: true, force: true });
});

describe("the README's snippets run against the mock", () => {
  it("lists every snippet's section", () => {
    expect(snippets().map(({ section }) => section)).toEqual(Object.keys(REQUESTS_BY_SECTION));
  });

  it.each(snippets().map((snippet, index) => ({ ...snippet, index })))(
    "$section",
    async ({ section, code, index }) => {
      vi.stubEnv("QWEN_API_KEY", KEYS.standard);
      vi.spyOn(console, "log").mockImplementation(() => undefined);
      vi.spyOn(console, "error").mockImplementation(() => undefined);
      vi.spyOn(process.stdout, "write").mockImplementation(() => true);
      vi.spyOn(process.stderr, "write").mockImplementation(() => true);
      const file = new URL(`snippet-${index}.ts`, SNIPPETS);
      writeFileSync(file, code);
      const ownMock = code.includes("setupDashscopeMock(");
      if (ownMock) mock.close();
      try {
        await import(file.href);
      } finally {
        if (ownMock) await mock.listen();
      }
      expect(mock.recorder.requests).toHaveLength(REQUESTS_BY_SECTION[section] ?? Number.NaN);
    },
  );
});
