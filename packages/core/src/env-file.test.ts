import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_ENV_FILES,
  defaultEnvFiles,
  ENV_FILE_MAX_BYTES,
  expandHome,
  normalizeEnvText,
  readEnvFile,
  readEnvFileWith,
} from "./env-file.js";
import { errorOf } from "./test-utils/error-of.js";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-env-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `read` and returns its error and how long it took. */
function timedError(read: () => unknown) {
  const started = performance.now();
  const error = errorOf(read);
  return { error, ms: performance.now() - started };
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

  it.each([
    ["a UTF-8 byte order mark", "\uFEFFQWEN_API_KEY=sk-first\nOTHER=2\n"],
    ["CR-only line endings", "QWEN_API_KEY=sk-first\rOTHER=2\r"],
    ["CRLF line endings", "QWEN_API_KEY=sk-first\r\nOTHER=2\r\n"],
    ["a byte order mark and CR-only line endings", "\uFEFFQWEN_API_KEY=sk-first\rOTHER=2"],
    ["mixed line endings", "QWEN_API_KEY=sk-first\r\n\rOTHER=2\n"],
  ])("reads every variable of a file with %s", (_label, text) => {
    expect(readEnvFile(file(`endings-${_label.replace(/\W+/g, "-")}.env`, text))).toEqual({
      QWEN_API_KEY: "sk-first",
      OTHER: "2",
    });
  });

  it("returns undefined for a missing file or a path under a file", () => {
    expect(readEnvFile(join(dir, "does-not-exist.env"))).toBeUndefined();
    const plain = file("plain.env", "A=1\n");
    expect(readEnvFile(join(plain, "child.env"))).toBeUndefined();
  });

  it("reads a symlink to a regular file", () => {
    const target = file("target.env", "QWEN_API_KEY=sk-linked\n");
    const link = join(dir, "link.env");
    symlinkSync(target, link);
    expect(readEnvFile(link)).toEqual({ QWEN_API_KEY: "sk-linked" });
  });

  it.skipIf(process.getuid?.() === 0)(
    "fails clearly on an unreadable file, with the fs error as cause",
    () => {
      const path = file("locked.env", "QWEN_API_KEY=sk-locked\n");
      chmodSync(path, 0o000);
      const error = errorOf(() => readEnvFile(path));
      expect(error.kind).toBe("invalid-option");
      expect(error.message).toContain("EACCES");
      expect(error.message).not.toContain("sk-locked");
      expect(error.cause).toBeInstanceOf(Error);
    },
  );

  it.each([
    ["empty", ""],
    ["not a string", 1 as unknown as string],
    ["NUL byte", "a\u0000b"],
  ])("rejects a bad path (%s) with a QwenConfigError", (_label, path) => {
    expect(errorOf(() => readEnvFile(path)).kind).toBe("invalid-option");
  });
});

describe("readEnvFile on hostile paths: refused before a byte is read, at once", () => {
  const devices = [
    ["/dev/zero", "character device"],
    ["/dev/urandom", "character device"],
    ["/dev/null", "character device"],
  ].filter(([path]) => existsSync(path as string));

  it.each(devices)("%s is a %s: a typed error in well under a second", (path, type) => {
    const { error, ms } = timedError(() => readEnvFile(path as string));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toBe(`The env file "${path}" is a ${type}, not a regular file; it was not read.`);
    expect(ms).toBeLessThan(1000);
  });

  it("a directory is refused the same way", () => {
    const { error, ms } = timedError(() => readEnvFile(dir));
    expect(error.message).toContain("is a directory, not a regular file");
    expect(ms).toBeLessThan(1000);
  });

  it.skipIf(process.platform === "win32")("a FIFO with no writer is refused without blocking", async () => {
    const fifo = join(dir, "daemon.fifo");
    execFileSync("mkfifo", [fifo], { timeout: 5000 });
    // If reading ever blocked on the FIFO, this writer would release it after 2 s, so the test
    // fails on the time check instead of hanging; it is killed when the test ends either way.
    const writer = spawn("sh", ["-c", `sleep 2; printf 'QWEN_API_KEY=sk-fifo\\n' > '${fifo}'`], {
      stdio: "ignore",
      timeout: 10_000,
    });
    try {
      const { error, ms } = timedError(() => readEnvFile(fifo));
      expect(error.message).toContain("is a FIFO, not a regular file");
      expect(error.message).not.toContain("sk-fifo");
      expect(ms).toBeLessThan(1000);
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it(`a file over ${ENV_FILE_MAX_BYTES} bytes is refused; one at the cap is read`, () => {
    const line = "QWEN_API_KEY=sk-big\n";
    const atCap = file("at-cap.env", line + "#".repeat(ENV_FILE_MAX_BYTES - line.length));
    expect(readEnvFile(atCap)).toEqual({ QWEN_API_KEY: "sk-big" });
    const over = file("over-cap.env", `${line}${"#".repeat(ENV_FILE_MAX_BYTES - line.length + 1)}`);
    const { error, ms } = timedError(() => readEnvFile(over));
    expect(error.message).toBe(
      `The env file "${over}" is larger than ${ENV_FILE_MAX_BYTES} bytes; it was not read.`,
    );
    expect(ms).toBeLessThan(1000);
  });
});

describe("a build without a file system (the one bundlers pick for browsers and workers)", () => {
  it("says so when asked for an env file, naming the path", () => {
    const error = errorOf(() => readEnvFileWith(undefined, "/etc/qwen.env"));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toBe(
      'Cannot read env file "/etc/qwen.env": this build of @qwenkit/core has no file system (bundlers pick it for browsers and edge workers).',
    );
    expect(error.hint).toContain("node export condition");
  });
});

describe("normalizeEnvText", () => {
  it.each([
    ["plain", "A=1\nB=2\n", "A=1\nB=2\n"],
    ["byte order mark", "\uFEFFA=1\n", "A=1\n"],
    ["a mark only at the start is dropped", "A=\uFEFF1\n", "A=\uFEFF1\n"],
    ["CRLF", "A=1\r\nB=2\r\n", "A=1\nB=2\n"],
    ["CR only", "A=1\rB=2\r", "A=1\nB=2\n"],
    ["CR CR LF", "A=1\r\r\n", "A=1\n\n"],
    ["empty", "", ""],
  ])("%s", (_label, text, normalized) => {
    expect(normalizeEnvText(text)).toBe(normalized);
  });
});

describe("default env files", () => {
  it("offers ~/.openclaw/.env, expanded against the home directory", () => {
    expect(DEFAULT_ENV_FILES).toEqual(["~/.openclaw/.env"]);
    expect(defaultEnvFiles("/home/daemon")).toEqual(["/home/daemon/.openclaw/.env"]);
    expect(defaultEnvFiles()).toEqual([join(homedir(), ".openclaw/.env")]);
  });

  it.each([
    ["~", "/h", "/h"],
    ["~/x/.env", "/h", "/h/x/.env"],
    ["~/x/.env", "/h/", "/h/x/.env"],
    ["~/x/.env", "C:\\Users\\me", "C:\\Users\\me\\x/.env"],
    ["/etc/~/.env", "/h", "/etc/~/.env"],
    ["~other/.env", "/h", "~other/.env"],
  ])("expandHome(%j, %j) is %j", (path, home, expanded) => {
    expect(expandHome(path, home)).toBe(expanded);
  });
});
