// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests read.
import { describe, expect, it } from "vitest";
import type { KeySource } from "../keys/key-source.js";
import { resolveQwenConfig } from "../resolve.js";
import { errorOf } from "../test-utils/error-of.js";
import { readOpenClawConfig } from "./openclaw-config.js";

const TOKEN_KEY = "sk-sp-5ecret0token0plan0key0000a1b2";
const OTHER_KEY = "sk-sp-5ecret0other0subscription0c3d4";
const SINGAPORE = "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1";
const BEIJING = "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1";

describe("models.providers.qwen-token-plan / bailian-token-plan configure the Token Plan", () => {
  it.each(["qwen-token-plan", "bailian-token-plan", "Bailian-Token-Plan"])("reads the %s entry", (id) => {
    const config = { models: { providers: { [id]: { baseUrl: BEIJING, apiKey: "${TP_KEY}" } } } };
    const settings = readOpenClawConfig(config, {
      env: { TP_KEY: TOKEN_KEY },
      providerId: "qwen-token-plan",
    });
    expect(settings.baseUrl).toBe(BEIJING);
    expect(settings.apiKey?.apiKey.reveal()).toBe(TOKEN_KEY);
    // The qwen provider does not read the Token Plan's entries, nor the other way round.
    expect(readOpenClawConfig(config, { env: {} })).toEqual({});
    expect(
      readOpenClawConfig(
        { models: { providers: { qwen: { baseUrl: BEIJING } } } },
        { providerId: "qwen-token-plan" },
      ),
    ).toEqual({});
  });

  it("takes each field from the first entry that sets it: qwen-token-plan, then bailian-token-plan", () => {
    const config = {
      models: {
        providers: {
          "bailian-token-plan": { baseUrl: BEIJING, apiKey: OTHER_KEY },
          "qwen-token-plan": { apiKey: TOKEN_KEY },
        },
      },
    };
    const settings = readOpenClawConfig(config, { env: {}, providerId: "bailian-token-plan" });
    expect(settings.baseUrl).toBe(BEIJING);
    expect(settings.apiKey?.source).toEqual({
      kind: "config",
      path: "config.models.providers.qwen-token-plan.apiKey",
    });
  });

  it("resolves the Token Plan from its entry when the provider is the Token Plan", () => {
    const config = {
      agents: { defaults: { model: { primary: "bailian-token-plan/qwen3.6-plus" } } },
      models: {
        providers: {
          qwen: { baseUrl: "https://dashscope.aliyuncs.com/compatible-mode/v1", apiKey: OTHER_KEY },
          "bailian-token-plan": {
            baseUrl: BEIJING,
            apiKey: { source: "env", provider: "default", id: "TP_KEY" },
          },
        },
      },
    };
    const resolved = resolveQwenConfig({ providerId: "qwen-token-plan", config, env: { TP_KEY: TOKEN_KEY } });
    expect(resolved.providerId).toBe("qwen-token-plan");
    expect(resolved.endpoint).toMatchObject({
      baseUrl: BEIJING,
      plan: "token",
      region: "cn-beijing",
      source: "config",
    });
    expect(resolved.model.ref).toBe("qwen-token-plan/qwen3.6-plus");
    expect(resolved.apiKey.reveal()).toBe(TOKEN_KEY);
    expect(resolved.keySource).toEqual({
      kind: "config",
      path: "config.models.providers.bailian-token-plan.apiKey",
      via: {
        kind: "secret-ref",
        ref: { source: "env", provider: "default", id: "TP_KEY", origin: { kind: "env" } },
      },
    });
  });

  it.each<[string, Record<string, string>, Record<string, unknown>, string, KeySource]>([
    [
      "QWEN_TOKEN_PLAN_API_KEY before QWEN_API_KEY (Singapore)",
      { QWEN_API_KEY: OTHER_KEY, QWEN_TOKEN_PLAN_API_KEY: TOKEN_KEY },
      {},
      SINGAPORE,
      { kind: "env", variable: "QWEN_TOKEN_PLAN_API_KEY" },
    ],
    [
      "QWEN_TOKEN_PLAN_CN_API_KEY for China",
      { QWEN_TOKEN_PLAN_API_KEY: OTHER_KEY, QWEN_TOKEN_PLAN_CN_API_KEY: TOKEN_KEY },
      { region: "cn-beijing" },
      BEIJING,
      { kind: "env", variable: "QWEN_TOKEN_PLAN_CN_API_KEY" },
    ],
    [
      "the Token Plan variable from config env.vars",
      {},
      { config: { env: { vars: { QWEN_TOKEN_PLAN_API_KEY: TOKEN_KEY } } } },
      SINGAPORE,
      {
        kind: "config-env",
        variable: "QWEN_TOKEN_PLAN_API_KEY",
        path: "config.env.vars.QWEN_TOKEN_PLAN_API_KEY",
      },
    ],
    [
      "QWEN_API_KEY when no Token Plan variable is set",
      { QWEN_API_KEY: TOKEN_KEY },
      {},
      SINGAPORE,
      { kind: "env", variable: "QWEN_API_KEY" },
    ],
  ])("looks up %s", (_label, env, options, baseUrl, source) => {
    const resolved = resolveQwenConfig({ providerId: "qwen-token-plan", env, ...options });
    expect(resolved.endpoint.baseUrl).toBe(baseUrl);
    expect(resolved.apiKey.reveal()).toBe(TOKEN_KEY);
    expect(resolved.keySource).toEqual(source);
  });

  it("names the Token Plan variable first when there is no key", () => {
    expect(() => resolveQwenConfig({ providerId: "qwen-token-plan", env: {} })).toThrow(
      "environment variables QWEN_TOKEN_PLAN_API_KEY, QWEN_API_KEY, MODELSTUDIO_API_KEY, DASHSCOPE_API_KEY (unset or empty)",
    );
  });

  it("a config that only configures the Token Plan, resolved without providerId, says to pass it", () => {
    const config = {
      agents: { defaults: { model: { primary: "qwen-token-plan/glm-5" } } },
      models: { providers: { "qwen-token-plan": { apiKey: TOKEN_KEY } } },
    };
    const error = errorOf(() => resolveQwenConfig({ config, env: {} }));
    expect(error.kind).toBe("missing-api-key");
    expect(error.hint).toContain('pass providerId: "qwen-token-plan"');
    expect(error.hint).toContain("Set QWEN_API_KEY");
    // With the provider id, the entry is read.
    expect(resolveQwenConfig({ config, env: {}, providerId: "qwen-token-plan" }).apiKey.reveal()).toBe(
      TOKEN_KEY,
    );
    // A primary of the provider resolved, or of a provider qwenkit does not serve, adds nothing.
    for (const primary of ["qwen/glm-5", "openai/gpt-5"]) {
      const other = { agents: { defaults: { model: { primary } } } };
      expect(errorOf(() => resolveQwenConfig({ config: other, env: {} })).hint).not.toContain("providerId");
    }
  });
});
