import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOpenClawConfig } from "./config/openclaw-config.js";
import type { QwenConfigErrorKind } from "./errors.js";
import { type ResolveQwenConfigOptions, resolveQwenConfig } from "./resolve.js";
import { errorOf } from "./test-utils/error-of.js";
import { renderings } from "./test-utils/renderings.js";

const KEYS = {
  standard: "sk-5ecret0standard0key0abcdef0a1b2",
  coding: "sk-sp-5ecret0coding0key0abcdef0c3d4",
  unprefixed: "Secret0Token0Without0Prefix0e5f6",
} as const;

const dir = mkdtempSync(join(tmpdir(), "qwenkit-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectNoKey(value: unknown, key: string): void {
  for (const text of renderings(value)) {
    expect(text).not.toContain(key);
    expect(text.toLowerCase()).not.toContain(key.toLowerCase());
  }
}

describe.each(Object.entries(KEYS))("a %s key", (_label, key) => {
  it("never shows in a resolved config, its warnings or its parts", () => {
    const resolved = resolveQwenConfig({
      env: { QWEN_API_KEY: key },
      authChoice: "modelstudio-api-key",
      model: "qwen3.6-plus",
      allowInsecureHttp: true,
    });
    expect(resolved.warnings.length).toBeGreaterThan(0);
    expectNoKey(resolved, key);
    expectNoKey(resolved.apiKey, key);
    expectNoKey(resolved.warnings, key);
    expect(resolved.apiKey.reveal()).toBe(key);
  });

  it("never shows in a config resolved from an env file", () => {
    const path = join(dir, `${_label}.env`);
    writeFileSync(path, `DASHSCOPE_API_KEY=${key}\n`);
    const resolved = resolveQwenConfig({ env: {}, envFiles: [path], baseUrl: "http://127.0.0.1:4010/v1" });
    expect(resolved.keySource.kind).toBe("env-file");
    expectNoKey(resolved, key);
  });

  it("never shows when it comes from config, nor in the settings read from that config", () => {
    const config = { models: { providers: { qwen: { apiKey: key } } } };
    const resolved = resolveQwenConfig({ env: {}, config });
    expect(resolved.keySource).toEqual({ kind: "config", path: "config.models.providers.qwen.apiKey" });
    expectNoKey(resolved, key);
    expectNoKey(readOpenClawConfig(config), key);
  });

  // For each error kind: the key is set, and where possible it is also pasted into the wrong field.
  const scenarios: [QwenConfigErrorKind, string, ResolveQwenConfigOptions][] = [
    ["unknown-provider-id", "custom id", { providerId: "bailian" }],
    ["unknown-provider-id", "key as provider id", { providerId: key }],
    ["unknown-auth-choice", "typo", { authChoice: "qwen-api-kye" }],
    ["unknown-auth-choice", "key as auth choice", { authChoice: key }],
    ["unknown-auth-choice", "key inside auth choice", { authChoice: `choice-${key}-x` }],
    ["invalid-base-url", "key with a space as base URL", { baseUrl: `${key} /v1` }],
    ["invalid-base-url", "key as URL password", { baseUrl: `https://user:${key}@gateway.example/v1` }],
    ["invalid-base-url", "key as URL user", { baseUrl: `https://${key}@gateway.example/v1` }],
    ["invalid-base-url", "key in a non-http URL", { baseUrl: `ftp://gateway.example/${key}` }],
    [
      "invalid-base-url",
      "key in a config URL",
      { config: { models: { providers: { qwen: { baseUrl: `mailto:${key}` } } } } },
    ],
    ["insecure-base-url", "plain http", { baseUrl: "http://gateway.example/v1" }],
    [
      "insecure-base-url",
      "plain http with the key in the path",
      { baseUrl: `http://gateway.example/${key}` },
    ],
    ["invalid-model-ref", "key in a bad model id", { model: `qwen/${key} x` }],
    [
      "invalid-model-ref",
      "key in a bad config primary",
      { config: { agents: { defaults: { model: { primary: `qwen/${key}\n x` } } } } },
    ],
    ["foreign-model-ref", "key as the provider of a ref", { model: `${key}/qwen3.5-plus` }],
    ["foreign-model-ref", "key in a foreign ref", { model: `openai/${key}` }],
    ["invalid-option", "key in a valid base URL", { baseUrl: `https://gateway.example/${key}` }],
    ["invalid-option", "key as the model", { model: key }],
    ["invalid-option", "wrong option type", { streamingUsage: key as never }],
    ["invalid-option", "wrong config type", { config: { agents: key } }],
  ];

  it.each(scenarios)("%s (%s) never carries the key", (kind, _scenario, options) => {
    const error = errorOf(() => resolveQwenConfig({ apiKey: key, env: {}, ...options }));
    expect(error.kind).toBe(kind);
    expectNoKey(error, key);
  });

  it("missing-api-key never carries a key set under another name or in a file without the right variable", () => {
    const path = join(dir, `${_label}-other.env`);
    writeFileSync(path, `OPENAI_API_KEY=${key}\n`);
    const error = errorOf(() =>
      resolveQwenConfig({ env: { QWEN_KEY: key }, envFiles: [path], authChoice: "qwen-api-key" }),
    );
    expect(error.kind).toBe("missing-api-key");
    expectNoKey(error, key);
  });

  it("invalid-option for a malformed key in the environment never carries it", () => {
    const error = errorOf(() => resolveQwenConfig({ env: { QWEN_API_KEY: `${key} ${key}` } }));
    expect(error.kind).toBe("invalid-option");
    expectNoKey(error, key);
  });

  it("invalid-option for an unreadable env file never carries its contents", () => {
    const error = errorOf(() => resolveQwenConfig({ env: {}, envFiles: [dir] }));
    expect(error.kind).toBe("invalid-option");
    expectNoKey(error, key);
  });
});
