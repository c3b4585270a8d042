import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_ENV_FILES, defaultEnvFiles, expandHome, readEnvFile } from "./env-file.js";
import { errorOf } from "./test-utils/error-of.js";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-env-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readEnvFile", () => {
  it("parses dotenv syntax with util.parseEnv", () => {
    const path = file(
      "parse.env",
      "# daemon env\nQWEN_API_KEY=sk-abc\nexport MODELSTUDIO_API_KEY=\"sk-quoted\"\nDASHSCOPE_API_KEY='  sk-spaced  '\nEMPTY=\n",
    );
    expect(readEnvFile(path)).toEqual({
      QWEN_API_KEY: "sk-abc",
      MODELSTUDIO_API_KEY: "sk-quoted",
      DASHSCOPE_API_KEY: "  sk-spaced  ",
      EMPTY: "",
    });
  });

  it("returns undefined for a missing file or a path under a file", () => {
    expect(readEnvFile(join(dir, "does-not-exist.env"))).toBeUndefined();
    const plain = file("plain.env", "A=1\n");
    expect(readEnvFile(join(plain, "child.env"))).toBeUndefined();
  });

  it("fails clearly on a directory, with the fs error as cause", () => {
    const error = errorOf(() => readEnvFile(dir));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain("EISDIR");
    expect(error.cause).toBeInstanceOf(Error);
  });

  it.skipIf(process.getuid?.() === 0)("fails clearly on an unreadable file", () => {
    const path = file("locked.env", "QWEN_API_KEY=sk-locked\n");
    chmodSync(path, 0o000);
    const error = errorOf(() => readEnvFile(path));
    expect(error.message).toContain("EACCES");
    expect(error.message).not.toContain("sk-locked");
  });

  it.each([
    ["empty", ""],
    ["not a string", 1 as unknown as string],
    ["NUL byte", "a\u0000b"],
  ])("rejects a bad path (%s) with a QwenConfigError", (_label, path) => {
    expect(errorOf(() => readEnvFile(path)).kind).toBe("invalid-option");
  });
});

describe("default env files", () => {
  it("offers ~/.openclaw/.env, expanded against the home directory", () => {
    expect(DEFAULT_ENV_FILES).toEqual(["~/.openclaw/.env"]);
    expect(defaultEnvFiles("/home/daemon")).toEqual(["/home/daemon/.openclaw/.env"]);
    expect(defaultEnvFiles()).toEqual([join(homedir(), ".openclaw/.env")]);
  });

  it("expands only a leading ~", () => {
    expect(expandHome("~", "/h")).toBe("/h");
    expect(expandHome("~/x/.env", "/h")).toBe("/h/x/.env");
    expect(expandHome("/etc/~/.env", "/h")).toBe("/etc/~/.env");
    expect(expandHome("~other/.env", "/h")).toBe("~other/.env");
  });
});
