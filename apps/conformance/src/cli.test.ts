import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PLANS } from "@qwenkit/core/advanced";
import { afterAll, describe, expect, it } from "vitest";
import { FEATURES } from "./features/index.js";
import { CONFORMANCE_HOSTS } from "./hosts.js";

// The built bin, as users run it (the test task builds first).
const bin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "qwenkit-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("qwenkit-conformance", () => {
  it("runs the matrix against the mock, prints progress and the table, writes JSON and JUnit, exits 0", async () => {
    const json = join(dir, "out", "report.json");
    const junit = join(dir, "out", "report.xml");
    const { code, stdout, stderr } = await cli(["--json", json, "--junit", junit]);
    expect(code).toBe(0);
    expect(stderr).toContain("pass coding-plan-ap-southeast-1 / abort");
    expect(stdout).toMatch(
      new RegExp(`^feature\\s+${CONFORMANCE_HOSTS.map((host) => host.id).join("\\s+")}$`, "m"),
    );
    // The workspace-key column has nothing to check on subscription hosts.
    const skipped = CONFORMANCE_HOSTS.filter((host) => PLANS[host.plan].keyKind === "subscription").length;
    const cells = CONFORMANCE_HOSTS.length * FEATURES.length;
    expect(stdout).toContain(`${cells - skipped} passed, 0 failed, ${skipped} skipped`);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.target).toBe("mock");
    expect(report.results).toHaveLength(cells);
    expect(Object.keys(report.results[0]).sort()).toEqual(["detail", "feature", "host", "ms", "status"]);
    const xml = readFileSync(junit, "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(cells);
    expect(xml).not.toContain("<failure");
  });

  it("with --target live and no keys, exits 0 but says loudly that it sent nothing and how to fix it", async () => {
    const { code, stdout, stderr } = await cli(["--target", "live", "--no-progress"], {
      QWEN_API_KEY: "sk-0123456789abcdef01234567",
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`0 passed, 0 failed, ${CONFORMANCE_HOSTS.length * FEATURES.length} skipped`);
    expect(stderr).toContain("LIVE RUN SENT NOTHING");
    expect(stderr).toContain("QWEN_CONFORMANCE_LIVE=1");
    expect(stderr.trimEnd().split("\n").at(-1)).toContain("--require-live");
    expect(`${stdout}${stderr}`).not.toContain("sk-0123456789abcdef01234567");
  });

  it.each([
    ["--require-live", ["--target", "live", "--require-live", "--no-progress"], {}],
    [
      "QWEN_CONFORMANCE_REQUIRE_LIVE=1",
      ["--target", "live", "--no-progress"],
      { QWEN_CONFORMANCE_REQUIRE_LIVE: "1" },
    ],
  ])("with %s, a live run that sent nothing exits 1", async (_label, args, env) => {
    const { code, stderr } = await cli(args, env);
    expect(code).toBe(1);
    expect(stderr).toContain("--require-live: failing the run (exit 1)");
  });

  it("prints its version", async () => {
    const { code, stdout } = await cli(["--version"]);
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(code).toBe(0);
    expect(stdout).toBe(`${manifest.version}\n`);
  });

  it("exits 1 when a cell fails", async () => {
    const { code, stdout } = await cli([
      "--base-url",
      "http://127.0.0.1:9",
      "--host",
      "coding-plan-ap-southeast-1",
      "--feature",
      "chat",
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain("0 passed, 1 failed, 0 skipped");
    expect(stdout).toMatch(/FAIL coding-plan-ap-southeast-1 \/ chat: QwenApiError \(connection\)/);
  });

  it.each([
    [["--target", "prod"], /--target must be "mock" or "live"/],
    [["--host", "coding-mars"], /unknown host coding-mars/],
  ])("exits 2 with usage for %j", async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Usage: qwenkit-conformance");
  });

  it("prints help", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--target mock|live");
  });
});
