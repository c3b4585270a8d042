import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PageServer, REPORT_LIMIT, startPageServer } from "./page-server.ts";

let dir: string;
let pages: PageServer;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qwenkit-page-server-"));
  writeFileSync(join(dir, "page.js"), "console.log('page');\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  pages = await startPageServer(join(dir, "page.js"));
});
afterEach(() => pages.close());

const origin = () => new URL(pages.pageUrl("http://127.0.0.1:1/x")).origin;
const post = (body: string) => fetch(`${origin()}/report`, { method: "POST", body });

describe("the page server", () => {
  it("serves the page on 127.0.0.1 with the mock's base URL in the query, loading the script as a module", async () => {
    const base = "http://127.0.0.1:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1";
    const url = new URL(pages.pageUrl(base));
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.searchParams.get("mock")).toBe(base);
    expect(await (await fetch(url)).text()).toContain('<script type="module" src="/page.js"></script>');
    const script = await fetch(`${origin()}/page.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe("console.log('page');\n");
  });

  it("answers 404 to anything else", async () => {
    expect((await fetch(`${origin()}/secrets`)).status).toBe(404);
    expect((await fetch(`${origin()}/report`)).status).toBe(404);
  });

  it.each([
    ["a report", { report: { runtime: "HeadlessChrome/156" } }],
    ["a failure", { error: "TypeError: Failed to fetch" }],
  ])("settles with what the page posts: %s", async (_, outcome) => {
    expect((await post(JSON.stringify(outcome))).status).toBe(204);
    await expect(pages.outcome).resolves.toEqual(outcome);
  });

  it("fails the run on a report over its size limit, without reading past it", async () => {
    const sent = await post("x".repeat(REPORT_LIMIT + 1)).catch(() => undefined);
    expect(sent?.status).not.toBe(204);
    expect(await pages.outcome).toEqual({ error: `the page's report is over ${REPORT_LIMIT} bytes` });
  });

  it("fails the run on a report that is not JSON", async () => {
    await post("{not json");
    expect(await pages.outcome).toMatchObject({
      error: expect.stringMatching(/^the page posted a report that is not JSON/),
    });
  });
});
