// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests are about.
import { describe, expect, it } from "vitest";
import { errorOf } from "../test-utils/error-of.js";
import { readConfigEnvBlock } from "./env-block.js";

const entries = (config: Record<string, unknown>) => Object.fromEntries(readConfigEnvBlock(config));

describe("readConfigEnvBlock", () => {
  it.each<[string, Record<string, unknown>, Record<string, { value: string; path: string }>]>([
    ["no env block", {}, {}],
    [
      "env.vars",
      { env: { vars: { QWEN_API_KEY: "sk-a" } } },
      { QWEN_API_KEY: { value: "sk-a", path: "config.env.vars.QWEN_API_KEY" } },
    ],
    [
      "a string entry beside vars",
      { env: { QWEN_API_KEY: "sk-b" } },
      { QWEN_API_KEY: { value: "sk-b", path: "config.env.QWEN_API_KEY" } },
    ],
    [
      "the entry beside vars wins for the same name (OpenClaw collects vars first)",
      { env: { vars: { QWEN_API_KEY: "sk-a" }, QWEN_API_KEY: "sk-b" } },
      { QWEN_API_KEY: { value: "sk-b", path: "config.env.QWEN_API_KEY" } },
    ],
    ["shellEnv is a setting, not a variable", { env: { shellEnv: { enabled: true, timeoutMs: 15000 } } }, {}],
    ["blank values set nothing", { env: { vars: { A: "", B: "  " }, C: "" } }, {}],
    ["non-string values are skipped", { env: { vars: { A: 1, B: null, C: { x: 1 } }, D: true } }, {}],
    ["values still holding a ${VAR} are skipped", { env: { vars: { A: "${B}", C: "x${D}" } } }, {}],
    [
      "an escaped reference is a plain value",
      { env: { vars: { A: "$${B}" } } },
      { A: { value: "$${B}", path: "config.env.vars.A" } },
    ],
    [
      "names that are not variable names are skipped",
      { env: { vars: { "A-B": "x", "1A": "y", "": "z" } } },
      {},
    ],
    [
      "names are trimmed",
      { env: { vars: { " QWEN_API_KEY ": "sk-c" } } },
      { QWEN_API_KEY: { value: "sk-c", path: "config.env.vars. QWEN_API_KEY " } },
    ],
  ])("%s", (_label, config, expected) => {
    expect(entries(config)).toEqual(expected);
  });

  it.each([
    ["env", { env: "QWEN_API_KEY=x" }, "config.env must be an object"],
    ["env.vars", { env: { vars: ["QWEN_API_KEY"] } }, "config.env.vars must be an object"],
  ])("names the path of a wrong %s", (_label, config, text) => {
    const error = errorOf(() => readConfigEnvBlock(config));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(text);
    expect(error.message).not.toContain("QWEN_API_KEY=x");
  });
});
