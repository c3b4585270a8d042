import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VariableOrigin } from "./env-variables.js";
import { environmentOf } from "./test-utils/environment.js";
import { errorOf } from "./test-utils/error-of.js";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-env-variables-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fileA = join(dir, "a.env");
const fileB = join(dir, "b.env");
writeFileSync(fileA, "ONLY_A=a\nBOTH=from-a\nBLANK_IN_A=\n");
writeFileSync(fileB, "BOTH=from-b\nBLANK_IN_A=from-b\nONLY_B=b\n");
const missing = join(dir, "missing.env");

describe("Environment: env, then env files in order, then the config env block; blank is unset", () => {
  const environment = () =>
    environmentOf(
      { ONLY_ENV: "e", BOTH: "from-env", BLANK_IN_ENV: " ", NOT_A_STRING: 5 as unknown as string },
      {
        envFiles: [missing, fileA, fileB],
        config: { ONLY_CONFIG: "c", BOTH: "from-config", BLANK_IN_ENV: "from-config", ONLY_B: "from-config" },
      },
    );

  it.each<[string, string | undefined, VariableOrigin | undefined]>([
    ["ONLY_ENV", "e", { kind: "env" }],
    ["BOTH", "from-env", { kind: "env" }],
    ["ONLY_A", "a", { kind: "env-file", path: fileA }],
    ["BLANK_IN_A", "from-b", { kind: "env-file", path: fileB }],
    ["ONLY_B", "b", { kind: "env-file", path: fileB }],
    ["BLANK_IN_ENV", "from-config", { kind: "config", path: "config.env.vars.BLANK_IN_ENV" }],
    ["ONLY_CONFIG", "c", { kind: "config", path: "config.env.vars.ONLY_CONFIG" }],
    ["NOT_A_STRING", undefined, undefined],
    ["UNSET", undefined, undefined],
  ])("%s → %j", (name, value, origin) => {
    const found = environment().get(name);
    expect(found?.value).toBe(value);
    expect(found?.origin).toEqual(origin);
  });

  it("reads an env file only when a variable is not found before it, and each file once", () => {
    const lazy = environmentOf({ HERE: "x" }, { envFiles: [dir] });
    expect(lazy.get("HERE")?.value).toBe("x");
    expect(lazy.filesRead()).toEqual([]);
    // The directory is read (and refused) only once a variable is looked for past the env.
    expect(errorOf(() => lazy.get("ELSEWHERE")).message).toContain("is a directory");

    const counted = environmentOf({}, { envFiles: [missing, fileA] });
    counted.get("ONLY_A");
    counted.get("BOTH");
    expect(counted.filesRead()).toEqual([
      { path: missing, found: false },
      { path: fileA, found: true },
    ]);
  });

  it("describes its layers for messages", () => {
    expect(environmentOf({}).describeLayers()).toBe("env");
    expect(environmentOf({}, { envFiles: [fileA], config: { A: "1" } }).describeLayers()).toBe(
      `env, env file ${fileA}, config env block`,
    );
  });

  it("does not see inherited properties as variables", () => {
    expect(environmentOf({}).get("toString")).toBeUndefined();
    expect(environmentOf({}).get("__proto__")).toBeUndefined();
  });
});

describe("an environment that refuses to be read", () => {
  // Deno's process.env without --allow-env throws NotCapable on every read.
  const refusing = new Proxy<Record<string, string>>(
    {},
    {
      get: () => {
        throw new Error("NotCapable: Requires env access");
      },
      getOwnPropertyDescriptor: () => {
        throw new Error("NotCapable: Requires env access");
      },
      has: () => {
        throw new Error("NotCapable: Requires env access");
      },
    },
  );

  it("has no variables, and later layers still count", () => {
    expect(environmentOf(refusing).get("QWEN_API_KEY")).toBeUndefined();
    expect(
      environmentOf(refusing, { config: { QWEN_API_KEY: "sk-config" } }).get("QWEN_API_KEY")?.origin,
    ).toEqual({
      kind: "config",
      path: "config.env.vars.QWEN_API_KEY",
    });
  });
});
