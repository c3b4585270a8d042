// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests are about.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SecretRefContext } from "../config/secret-ref.js";
import type { QwenConfigErrorKind } from "../errors.js";
import { nodeFileSystem } from "../node/node-file-system.js";
import { environmentOf } from "../test-utils/environment.js";
import { errorOf } from "../test-utils/error-of.js";
import { readConfigApiKey } from "./config-api-key.js";
import type { ConfigKeyReference } from "./key-source.js";

const K_ENV = "sk-1111111111111111111111111111env0";
const K_FILE = "sk-2222222222222222222222222222file";
const K_LITERAL = "sk-3333333333333333333333333333lit0";
const dir = mkdtempSync(join(tmpdir(), "qwenkit-config-key-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = join(dir, "qwen.key");
writeFileSync(keyFile, `${K_FILE}\n`);

const at = "config.models.providers.qwen.apiKey";
const context: SecretRefContext = {
  environment: environmentOf({ QWEN_KEY: K_ENV, PREFIX: "sk-", SUFFIX: "3333333333333333333333333333lit0" }),
  secrets: { providers: { keys: { source: "file", path: keyFile, mode: "singleValue" } } },
  fileSystem: nodeFileSystem,
};
const fromEnv = [{ name: "QWEN_KEY", origin: { kind: "env" } }] as const;

describe("readConfigApiKey: every form OpenClaw writes", () => {
  it.each<[string, unknown, string, ConfigKeyReference | undefined]>([
    ["the key itself", K_LITERAL, K_LITERAL, undefined],
    ["the key, padded", `  ${K_LITERAL}\n`, K_LITERAL, undefined],
    ["${VAR}", "${QWEN_KEY}", K_ENV, { kind: "variables", variables: fromEnv }],
    ["${VAR} padded", " ${QWEN_KEY} ", K_ENV, { kind: "variables", variables: fromEnv }],
    ["the bare variable name", "QWEN_KEY", K_ENV, { kind: "variables", variables: fromEnv }],
    ["the $NAME shorthand", "$QWEN_KEY", K_ENV, { kind: "variables", variables: fromEnv }],
    [
      "the legacy secretref-env: marker",
      "secretref-env:QWEN_KEY",
      K_ENV,
      { kind: "variables", variables: fromEnv },
    ],
    [
      "pieces from two variables",
      "${PREFIX}${SUFFIX}",
      K_LITERAL,
      {
        kind: "variables",
        variables: [
          { name: "PREFIX", origin: { kind: "env" } },
          { name: "SUFFIX", origin: { kind: "env" } },
        ],
      },
    ],
    [
      "an env SecretRef",
      { source: "env", provider: "default", id: "QWEN_KEY" },
      K_ENV,
      {
        kind: "secret-ref",
        ref: { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
      },
    ],
    [
      "a file SecretRef",
      { source: "file", provider: "keys", id: "value" },
      K_FILE,
      { kind: "secret-ref", ref: { source: "file", provider: "keys", id: "value", file: keyFile } },
    ],
    ["an escaped ${…} is the literal text", "$${QWEN_KEY}", "${QWEN_KEY}", undefined],
    [
      "an upper-case token without _ is a key, not a name",
      "ABCDEF0123456789ABCDEF",
      "ABCDEF0123456789ABCDEF",
      undefined,
    ],
  ])("%s", (_label, value, key, via) => {
    const resolved = readConfigApiKey(value, at, context);
    expect(resolved?.apiKey.reveal()).toBe(key);
    expect(resolved?.source).toEqual(
      via === undefined ? { kind: "config", path: at } : { kind: "config", path: at, via },
    );
  });

  it.each([undefined, null, "", "   "])("gives no key for %j", (value) => {
    expect(readConfigApiKey(value, at, context)).toBeUndefined();
  });

  it.each<[string, unknown, QwenConfigErrorKind, string]>([
    [
      "an unset bare name",
      "MY_QWEN_KEY",
      "missing-env-var",
      `${at} names the environment variable MY_QWEN_KEY, which is not set`,
    ],
    ["an unset $NAME", "$MY_QWEN_KEY", "missing-env-var", "MY_QWEN_KEY, which is not set"],
    ["an unset ${VAR}", "${MY_QWEN_KEY}", "missing-env-var", "MY_QWEN_KEY, which is not set"],
    [
      "an unset env SecretRef",
      { source: "env", id: "MY_QWEN_KEY" },
      "missing-env-var",
      "MY_QWEN_KEY, which is not set",
    ],
    [
      "an exec SecretRef",
      { source: "exec", provider: "vault", id: "qwen" },
      "unsupported-secret-source",
      '"exec"',
    ],
    ["a number", 42, "invalid-option", `${at} must be a string or a SecretRef`],
    ["an array", ["sk-a"], "invalid-option", `${at} must be a string or a SecretRef`],
    [
      "a key with spaces",
      "sk-two words0000000000000000",
      "invalid-option",
      `${at}: The API key contains spaces`,
    ],
  ])("refuses %s", (_label, value, kind, text) => {
    const error = errorOf(() => readConfigApiKey(value, at, context));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(text);
    expect(error.message).not.toContain("words0000");
  });

  it("refuses a variable that holds no usable key, naming where it came from and not the value", () => {
    const spaced = { ...context, environment: environmentOf({ QWEN_KEY: "sk-has space-secret0000000000" }) };
    const error = errorOf(() => readConfigApiKey("QWEN_KEY", at, spaced));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(at);
    expect(error.message).not.toContain("space-secret");
  });
});
