// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are part of what these tests read.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { errorOf } from "../test-utils/error-of.js";
import { API_KEY_ENV_VARS, findApiKey, readKeySourcesWith, resolveApiKey } from "./api-key-lookup.js";
import type { KeySource } from "./key-source.js";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

function envFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const K1 = "sk-1111111111111111111111111111aaaa";
const K2 = "sk-2222222222222222222222222222bbbb";
const K3 = "sk-3333333333333333333333333333cccc";
const K4 = "sk-sp-444444444444444444444444444dddd";

const ALL = { QWEN_API_KEY: K1, MODELSTUDIO_API_KEY: K2, DASHSCOPE_API_KEY: K3 };
const DS = "DASHSCOPE_API_KEY";
const MS = "MODELSTUDIO_API_KEY";
const fromEnv = (variable: string): KeySource => ({ kind: "env", variable });

describe("findApiKey precedence", () => {
  it("lists the variables in precedence order", () => {
    expect(API_KEY_ENV_VARS).toEqual(["QWEN_API_KEY", "MODELSTUDIO_API_KEY", "DASHSCOPE_API_KEY"]);
  });

  it.each<[string, { apiKey?: string; env: Record<string, string | undefined> }, string, KeySource]>([
    ["explicit wins over all", { apiKey: K4, env: ALL }, K4, { kind: "option" }],
    ["skips a blank explicit key", { apiKey: "  ", env: { QWEN_API_KEY: K1 } }, K1, fromEnv("QWEN_API_KEY")],
  ])("%s", (_label, lookup, key, source) => {
    const found = findApiKey(lookup);
    expect(found?.apiKey.reveal()).toBe(key);
    expect(found?.source).toEqual(source);
  });

  // [case, environment, the key found, the variable it came from]
  const BLANK = "   ";
  const NOT_A_STRING = 5 as unknown as string;
  it.each<[string, Record<string, string | undefined>, string, string]>([
    ["QWEN_API_KEY first", ALL, K1, "QWEN_API_KEY"],
    ["MODELSTUDIO_API_KEY next", { MODELSTUDIO_API_KEY: K2, DASHSCOPE_API_KEY: K3 }, K2, MS],
    [
      "skips a blank variable",
      { QWEN_API_KEY: BLANK, MODELSTUDIO_API_KEY: "\n", DASHSCOPE_API_KEY: K3 },
      K3,
      DS,
    ],
    ["skips an undefined variable", { QWEN_API_KEY: undefined, DASHSCOPE_API_KEY: K3 }, K3, DS],
    ["ignores other variables", { OPENAI_API_KEY: K1, DASHSCOPE_API_KEY: K3 }, K3, DS],
    ["ignores a non-string value", { QWEN_API_KEY: NOT_A_STRING, MODELSTUDIO_API_KEY: K2 }, K2, MS],
  ])("%s", (_label, env, key, variable) => {
    const found = findApiKey({ env });
    expect(found?.apiKey.reveal()).toBe(key);
    expect(found?.source).toEqual(fromEnv(variable));
  });

  it("returns undefined when nothing is set", () => {
    expect(findApiKey({ env: {} })).toBeUndefined();
    expect(findApiKey({ env: { QWEN_API_KEY: "", MODELSTUDIO_API_KEY: " " } })).toBeUndefined();
  });

  it("reads process.env when env is not given", () => {
    vi.stubEnv("QWEN_API_KEY", "");
    vi.stubEnv("MODELSTUDIO_API_KEY", ` ${K2} `);
    expect(findApiKey()?.source).toEqual({ kind: "env", variable: "MODELSTUDIO_API_KEY" });
    expect(resolveApiKey({}).apiKey.reveal()).toBe(K2);
  });

  it("does not read process.env when env is given", () => {
    vi.stubEnv("QWEN_API_KEY", K1);
    expect(findApiKey({ env: {} })).toBeUndefined();
  });

  it("names the source of a malformed key without showing it", () => {
    const error = errorOf(() => findApiKey({ env: { MODELSTUDIO_API_KEY: "sk-has space-secret" } }));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain("env MODELSTUDIO_API_KEY");
    expect(error.message).not.toContain("space-secret");
  });
});

describe("env files", () => {
  it("falls back to env files after the environment, in order, skipping missing ones", () => {
    const first = envFile("first.env", `OTHER=1\nDASHSCOPE_API_KEY=${K3}\n`);
    const second = envFile("second.env", `DASHSCOPE_API_KEY=${K2}\n`);
    const found = findApiKey({ env: {}, envFiles: [join(dir, "missing.env"), first, second] });
    expect(found?.apiKey.reveal()).toBe(K3);
    expect(found?.source).toEqual({ kind: "env-file", variable: "DASHSCOPE_API_KEY", path: first });
  });

  it("checks QWEN_API_KEY in every file before MODELSTUDIO_API_KEY or DASHSCOPE_API_KEY in any", () => {
    const first = envFile("first-ds.env", `DASHSCOPE_API_KEY=${K3}\n`);
    const second = envFile("second-qwen.env", `QWEN_API_KEY=${K1}\n`);
    const found = findApiKey({ env: {}, envFiles: [first, second] });
    expect(found?.apiKey.reveal()).toBe(K1);
    expect(found?.source).toEqual({ kind: "env-file", variable: "QWEN_API_KEY", path: second });
  });

  it("prefers the process environment over an env file for the same variable", () => {
    const path = envFile("shadowed.env", `QWEN_API_KEY=${K1}\n`);
    expect(findApiKey({ env: { QWEN_API_KEY: K2 }, envFiles: [path] })?.source).toEqual({
      kind: "env",
      variable: "QWEN_API_KEY",
    });
  });

  it("looks the variables up in the merged environment, as OpenClaw does: QWEN_API_KEY in a file beats DASHSCOPE_API_KEY in env", () => {
    const path = envFile("merged.env", `QWEN_API_KEY=${K1}\n`);
    const found = findApiKey({ env: { DASHSCOPE_API_KEY: K3 }, envFiles: [path] });
    expect(found?.apiKey.reveal()).toBe(K1);
    expect(found?.source).toEqual({ kind: "env-file", variable: "QWEN_API_KEY", path });
  });

  it("trims and skips empty values in env files", () => {
    const blank = envFile("blank.env", 'QWEN_API_KEY=\nMODELSTUDIO_API_KEY="   "\n');
    const spaced = envFile("spaced.env", `MODELSTUDIO_API_KEY="  ${K2}  "\n`);
    const found = findApiKey({ env: {}, envFiles: [blank, spaced] });
    expect(found?.apiKey.reveal()).toBe(K2);
    expect(found?.source).toEqual({ kind: "env-file", variable: "MODELSTUDIO_API_KEY", path: spaced });
  });

  it("does not read files it does not need", () => {
    const path = envFile("unread.env", `QWEN_API_KEY=${K1}\n`);
    expect(findApiKey({ env: { QWEN_API_KEY: K2 }, envFiles: [dir, path] })?.apiKey.reveal()).toBe(K2);
  });

  it("reads no env file unless asked", () => {
    expect(findApiKey({ env: {} })).toBeUndefined();
  });
});

describe("resolveApiKey", () => {
  it("returns the key found", () => {
    expect(resolveApiKey({ env: { QWEN_API_KEY: K1 } }).source).toEqual({
      kind: "env",
      variable: "QWEN_API_KEY",
    });
  });

  it("lists every variable and file it tried when no key is found", () => {
    const empty = envFile("empty.env", "QWEN_API_KEY=\n");
    const missing = join(dir, "nope.env");
    const error = errorOf(() => resolveApiKey({ env: {}, envFiles: [empty, missing] }));
    expect(error.kind).toBe("missing-api-key");
    for (const variable of API_KEY_ENV_VARS) expect(error.message).toContain(variable);
    expect(error.message).toContain(`${empty} (no key)`);
    expect(error.message).toContain(`${missing} (not found)`);
    expect(error.message).toContain("apiKey option (not set)");
  });

  it("says when no env file was given, and suggests the daemon env file", () => {
    const error = errorOf(() => resolveApiKey({ apiKey: "", env: {} }));
    expect(error.message).toContain("apiKey option (empty)");
    expect(error.message).toContain("no env files");
    expect(error.hint).toContain("defaultEnvFiles()");
  });

  it.each([
    ["lookup", "nope" as unknown as object],
    ["apiKey", { apiKey: 42 }],
    ["env", { env: "QWEN_API_KEY=x" }],
    ["envFiles", { envFiles: "/etc/qwen.env" }],
    ["envFiles", { envFiles: [1] }],
  ])("rejects a malformed %s option", (name, lookup) => {
    const error = errorOf(() => resolveApiKey(lookup as never));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(name === "lookup" ? "options" : name);
  });
});

describe("with an OpenClaw config", () => {
  const entry = (apiKey: unknown) => ({ models: { providers: { qwen: { apiKey } } } });

  it.each<[string, Parameters<typeof findApiKey>[0], string, KeySource]>([
    [
      "the apiKey option wins over the config",
      { apiKey: K4, env: {}, config: entry(K1) },
      K4,
      { kind: "option" },
    ],
    [
      "the config's key wins over the environment",
      { env: { QWEN_API_KEY: K2 }, config: entry(K1) },
      K1,
      { kind: "config", path: "config.models.providers.qwen.apiKey" },
    ],
    [
      "env.vars supplies QWEN_API_KEY when nothing else does",
      { env: {}, config: { env: { vars: { QWEN_API_KEY: K3 } } } },
      K3,
      { kind: "config-env", variable: "QWEN_API_KEY", path: "config.env.vars.QWEN_API_KEY" },
    ],
    [
      "a string entry of env supplies it too",
      { env: {}, config: { env: { DASHSCOPE_API_KEY: K3 } } },
      K3,
      { kind: "config-env", variable: "DASHSCOPE_API_KEY", path: "config.env.DASHSCOPE_API_KEY" },
    ],
    [
      "the environment wins over env.vars for the same variable",
      { env: { QWEN_API_KEY: K2 }, config: { env: { vars: { QWEN_API_KEY: K3 } } } },
      K2,
      { kind: "env", variable: "QWEN_API_KEY" },
    ],
    [
      "QWEN_API_KEY in env.vars wins over DASHSCOPE_API_KEY in env (one merged environment)",
      { env: { DASHSCOPE_API_KEY: K2 }, config: { env: { vars: { QWEN_API_KEY: K3 } } } },
      K3,
      { kind: "config-env", variable: "QWEN_API_KEY", path: "config.env.vars.QWEN_API_KEY" },
    ],
    [
      "the config's ${VAR} key reads env.vars",
      { env: {}, config: { env: { vars: { MY_KEY: K3 } }, ...entry("${MY_KEY}") } },
      K3,
      {
        kind: "config",
        path: "config.models.providers.qwen.apiKey",
        via: {
          kind: "variables",
          variables: [{ name: "MY_KEY", origin: { kind: "config", path: "config.env.vars.MY_KEY" } }],
        },
      },
    ],
  ])("%s", (_label, lookup, key, source) => {
    const found = findApiKey(lookup);
    expect(found?.apiKey.reveal()).toBe(key);
    expect(found?.source).toEqual(source);
  });

  it("an env file wins over env.vars for the same variable", () => {
    const path = envFile("over-config.env", `QWEN_API_KEY=${K1}\n`);
    const found = findApiKey({ env: {}, envFiles: [path], config: { env: { vars: { QWEN_API_KEY: K3 } } } });
    expect(found?.source).toEqual({ kind: "env-file", variable: "QWEN_API_KEY", path });
  });

  it("does not read env files when the config holds the key", () => {
    expect(findApiKey({ env: {}, envFiles: [dir], config: entry(K1) })?.apiKey.reveal()).toBe(K1);
  });

  it("names the config and its env block when no key is found", () => {
    const error = errorOf(() => resolveApiKey({ env: {}, config: { env: { vars: { OTHER: "x" } } } }));
    expect(error.kind).toBe("missing-api-key");
    expect(error.message).toContain("config models.providers.<qwen|alias>.apiKey (not set)");
    expect(error.message).toContain("the config env block (no key)");
  });

  it("scrubs a key it knows from a config error quoting the wrong field", () => {
    const pasted = "Secret0Token0Without0Prefix0e5f6";
    const error = errorOf(() =>
      findApiKey({
        env: { QWEN_API_KEY: pasted },
        config: { models: { providers: { qwen: { baseUrl: `ftp://${pasted}` } } } },
      }),
    );
    expect(error.kind).toBe("invalid-base-url");
    expect(error.message).not.toContain(pasted);
  });
});

describe("without a file system (the build for browsers and workers)", () => {
  it("finds a key in env and the config, and refuses env files clearly", () => {
    const sources = readKeySourcesWith(undefined, {
      env: {},
      config: { env: { vars: { QWEN_API_KEY: K1 } } },
    });
    expect(sources.keyFor("qwen").found?.source).toEqual({
      kind: "config-env",
      variable: "QWEN_API_KEY",
      path: "config.env.vars.QWEN_API_KEY",
    });
    const withFiles = readKeySourcesWith(undefined, { env: {}, envFiles: ["/etc/qwen.env"] });
    expect(errorOf(() => withFiles.keyFor("qwen")).message).toContain("has no file system");
  });
});

describe("an environment that refuses to be read (Deno without --allow-env)", () => {
  const refusing = new Proxy<Record<string, string>>(
    {},
    {
      get: () => {
        throw new Error("NotCapable: Requires env access");
      },
      getOwnPropertyDescriptor: () => {
        throw new Error("NotCapable: Requires env access");
      },
    },
  );

  it("finds the apiKey option or the config's key without reading it", () => {
    expect(findApiKey({ apiKey: K1, env: refusing, config: {} })?.source).toEqual({ kind: "option" });
    expect(
      findApiKey({ env: refusing, config: { env: { vars: { QWEN_API_KEY: K2 } } } })?.apiKey.reveal(),
    ).toBe(K2);
  });
});
