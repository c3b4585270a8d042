import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type ChildExit, childExit } from "./test-utils/child-exit.js";

// The built entries, as users load them (`pnpm build` first; turbo's test task depends on build).
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

// A module hook that makes msw unresolvable, as in a project (or a runtime) without it.
const dir = mkdtempSync(join(tmpdir(), "dashscope-mock-no-msw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HOOKS = join(dir, "hooks.mjs");
writeFileSync(
  HOOKS,
  `export async function resolve(specifier, context, next) {
  if (specifier === "msw" || specifier.startsWith("msw/")) {
    const error = new Error("Cannot find package '" + specifier + "' (hidden by the test)");
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}
`,
);
const REGISTER = join(dir, "register.mjs");
writeFileSync(
  REGISTER,
  `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(HOOKS).href)});\n`,
);

/** Runs a script in a fresh node with msw hidden; resolves with its exit code and output. */
function withoutMsw(args: readonly string[]): Promise<ChildExit> {
  for (const file of ["standalone.js", "index.js", "cli.js"]) {
    if (!existsSync(dist(file))) throw new Error(`${dist(file)} is missing: run \`pnpm build\` first`);
  }
  return childExit(
    spawn(process.execPath, ["--import", pathToFileURL(REGISTER).href, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

const serveOnce = (entry: string) => `
const { startDashscopeMockServer } = await import(${JSON.stringify(pathToFileURL(dist(entry)).href)});
const server = await startDashscopeMockServer();
const response = await fetch(server.baseUrlFor("dashscope-intl.aliyuncs.com") + "/chat/completions", {
  method: "POST",
  headers: { authorization: "Bearer sk-test-standard-000000a1b2" },
  body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
});
console.log(response.status, (await response.json()).object);
await server.close();
`;

describe("the standalone server without msw", () => {
  it("the hook really hides msw: the root entry, which holds the msw handlers, fails to load", async () => {
    const { code, stderr } = await withoutMsw(["--input-type=module", "-e", serveOnce("index.js")]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("ERR_MODULE_NOT_FOUND");
    expect(stderr).toContain("Cannot find package 'msw");
  });

  it("@qwenkit/dashscope-mock/server starts and answers", async () => {
    const { code, stdout, stderr } = await withoutMsw([
      "--input-type=module",
      "-e",
      serveOnce("standalone.js"),
    ]);
    expect(stderr).toBe("");
    expect([code, stdout]).toEqual([0, "200 chat.completion\n"]);
  });

  it("the dashscope-mock bin runs", async () => {
    const { code, stdout } = await withoutMsw([dist("cli.js"), "--version"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits promptly after close() with a fault delay still pending", async () => {
    const script = `
const { startDashscopeMockServer } = await import(${JSON.stringify(pathToFileURL(dist("standalone.js")).href)});
const server = await startDashscopeMockServer();
const pending = fetch(server.baseUrlFor("dashscope-intl.aliyuncs.com") + "/chat/completions", {
  method: "POST",
  headers: { authorization: "Bearer sk-test-standard-000000a1b2", "x-mock-fault": "slow-first-byte;delayMs=600000" },
  body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
}).catch(() => "cut");
await new Promise((resolve) => setTimeout(resolve, 100));
await server.close();
console.log(await pending);
`;
    const started = performance.now();
    const { code, stdout } = await withoutMsw(["--input-type=module", "-e", script]);
    expect([code, stdout]).toEqual([0, "cut\n"]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
