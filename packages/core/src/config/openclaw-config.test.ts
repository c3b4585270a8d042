// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests read.
import { describe, expect, it } from "vitest";
import { errorOf } from "../test-utils/error-of.js";
import { readOpenClawConfig } from "./openclaw-config.js";

describe("readOpenClawConfig", () => {
  it("reads the documented shapes", () => {
    const config = {
      agents: { defaults: { model: { primary: "qwen/qwen3.6-plus", fallbacks: ["openai/gpt-5"] } } },
      models: {
        providers: {
          qwen: {
            baseUrl: "dashscope.aliyuncs.com/compatible-mode/v1/",
            models: [
              { id: "qwen3.5-plus", compat: { supportsUsageInStreaming: false } },
              { id: "qwen/glm-5", compat: { supportsUsageInStreaming: true } },
              { id: "kimi-k2.5" },
            ],
          },
          openai: { baseUrl: "https://api.openai.com/v1" },
        },
      },
      gateway: { port: 18789 },
    };
    expect(readOpenClawConfig(config)).toEqual({
      model: "qwen/qwen3.6-plus",
      baseUrl: "https://dashscope.aliyuncs.com/compatible-mode/v1",
      streamingUsage: { "qwen3.5-plus": false, "glm-5": true },
    });
  });

  it("accepts the model as a plain string", () => {
    expect(readOpenClawConfig({ agents: { defaults: { model: "qwen/glm-5" } } })).toEqual({
      model: "qwen/glm-5",
    });
  });

  it.each(["modelstudio", "qwencloud", "dashscope", "DashScope", " qwen "])(
    "reads the provider under %j",
    (key) => {
      const config = {
        models: { providers: { [key]: { baseUrl: "https://coding.dashscope.aliyuncs.com/v1" } } },
      };
      expect(readOpenClawConfig(config).baseUrl).toBe("https://coding.dashscope.aliyuncs.com/v1");
    },
  );

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "qwen without baseUrl, modelstudio with it (a migrated config)",
      {
        qwen: { apiKey: "sk-0000000000000000000000000000qwen" },
        modelstudio: { baseUrl: "https://m.example/v1" },
      },
      { baseUrl: "https://m.example/v1", apiKey: "config.models.providers.qwen.apiKey" },
    ],
    [
      "a blank qwen baseUrl does not hide modelstudio's",
      { qwen: { baseUrl: "  " }, modelstudio: { baseUrl: "https://m.example/v1" } },
      { baseUrl: "https://m.example/v1" },
    ],
    [
      "the key from the alias when qwen has none, the base URL from qwen",
      {
        modelstudio: { apiKey: "sk-0000000000000000000000000000mods", baseUrl: "https://m.example/v1" },
        qwen: { baseUrl: "https://q.example/v1" },
      },
      { baseUrl: "https://q.example/v1", apiKey: "config.models.providers.modelstudio.apiKey" },
    ],
    [
      "models[] from the first entry that lists any",
      {
        qwen: { models: [] },
        dashscope: { models: [{ id: "glm-5", compat: { supportsUsageInStreaming: false } }] },
      },
      { streamingUsage: { "glm-5": false } },
    ],
  ])("takes each field from the first entry that sets it: %s", (_label, providers, expected) => {
    const settings = readOpenClawConfig({ models: { providers } }, { env: {} });
    expect({
      ...(settings.baseUrl !== undefined && { baseUrl: settings.baseUrl }),
      ...(settings.apiKey && {
        apiKey: settings.apiKey.source.kind === "config" && settings.apiKey.source.path,
      }),
      ...(settings.streamingUsage && { streamingUsage: settings.streamingUsage }),
    }).toEqual(expected);
  });

  it("prefers qwen over aliases, then the alias order", () => {
    const providers = {
      dashscope: { baseUrl: "https://d.example/v1" },
      modelstudio: { baseUrl: "https://m.example/v1" },
      qwen: { baseUrl: "https://q.example/v1" },
    };
    expect(readOpenClawConfig({ models: { providers } }).baseUrl).toBe("https://q.example/v1");
    const { qwen: _qwen, ...aliases } = providers;
    expect(readOpenClawConfig({ models: { providers: aliases } }).baseUrl).toBe("https://m.example/v1");
  });

  it("ignores other providers, unrelated keys and blank values", () => {
    expect(
      readOpenClawConfig({
        agents: { defaults: { model: { primary: "  " } } },
        models: { providers: { bailian: { baseUrl: "https://x.example" }, qwen: { baseUrl: "" } } },
      }),
    ).toEqual({});
  });

  it.each([undefined, null, {}])("gives no settings for %j", (config) => {
    expect(readOpenClawConfig(config)).toEqual({});
  });

  it("keeps a model id that collides with Object.prototype as a plain key", () => {
    const config = {
      models: {
        providers: { qwen: { models: [{ id: "__proto__", compat: { supportsUsageInStreaming: true } }] } },
      },
    };
    const settings = readOpenClawConfig(config).streamingUsage;
    expect(settings && Object.hasOwn(settings, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it.each([
    ["config", "a string", "config must be an object"],
    ["config", [1], "config must be an object"],
    ["agents", { agents: 1 }, "config.agents must be an object"],
    ["agents.defaults", { agents: { defaults: [] } }, "config.agents.defaults must be an object"],
    ["model", { agents: { defaults: { model: 5 } } }, "config.agents.defaults.model must be a model ref"],
    [
      "primary",
      { agents: { defaults: { model: { primary: false } } } },
      "config.agents.defaults.model.primary must be a string",
    ],
    ["models", { models: "x" }, "config.models must be an object"],
    ["providers", { models: { providers: [] } }, "config.models.providers must be an object"],
    [
      "provider entry",
      { models: { providers: { qwen: "url" } } },
      "config.models.providers.qwen must be an object",
    ],
    [
      "baseUrl",
      { models: { providers: { modelstudio: { baseUrl: 1 } } } },
      "config.models.providers.modelstudio.baseUrl must be a string",
    ],
    [
      "models[]",
      { models: { providers: { qwen: { models: {} } } } },
      "config.models.providers.qwen.models must be an array",
    ],
    [
      "models[i]",
      { models: { providers: { qwen: { models: [null] } } } },
      "config.models.providers.qwen.models[0] must be an object",
    ],
    [
      "compat",
      { models: { providers: { qwen: { models: [{ id: "a", compat: 1 }] } } } },
      "models[0].compat must be an object",
    ],
    [
      "flag",
      {
        models: {
          providers: { qwen: { models: [{ id: "a", compat: { supportsUsageInStreaming: "yes" } }] } },
        },
      },
      "models[0].compat.supportsUsageInStreaming must be true or false",
    ],
    [
      "id",
      { models: { providers: { qwen: { models: [{ compat: { supportsUsageInStreaming: true } }] } } } },
      "models[0].id is missing",
    ],
    [
      "apiKey",
      { models: { providers: { qwen: { apiKey: 42 } } } },
      "config.models.providers.qwen.apiKey must be",
    ],
    [
      "key with spaces",
      { models: { providers: { qwen: { apiKey: "sk-two words0000000000000" } } } },
      "config.models.providers.qwen.apiKey:",
    ],
  ])("names the path of a wrong %s", (_label, config, text) => {
    const error = errorOf(() => readOpenClawConfig(config, { env: {} }));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(text);
  });

  it("reports a malformed baseUrl with its path", () => {
    const error = errorOf(() =>
      readOpenClawConfig({ models: { providers: { qwen: { baseUrl: "ftp://x.example" } } } }),
    );
    expect(error.kind).toBe("invalid-base-url");
    expect(error.message).toMatch(/^config\.models\.providers\.qwen\.baseUrl: Invalid base URL/);
  });

  it("reports a foreign model id in models[] with its path", () => {
    const config = {
      models: {
        providers: { qwen: { models: [{ id: "openai/gpt-5", compat: { supportsUsageInStreaming: true } }] } },
      },
    };
    const error = errorOf(() => readOpenClawConfig(config));
    expect(error.kind).toBe("foreign-model-ref");
    expect(error.message).toContain("config.models.providers.qwen.models[0].id");
  });
});

describe("readOpenClawConfig: ${VAR} in the values qwenkit reads", () => {
  const env = {
    QWEN_BASE_URL: "https://gw.example/qwen/v1/",
    GATEWAY_HOST: "gw.example",
    QWEN_MODEL: "qwen/glm-5",
    MODEL_ID: "glm-5",
    QWEN_KEY: "sk-0000000000000000000000000000fromenv",
  };

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "the primary model",
      { agents: { defaults: { model: { primary: "${QWEN_MODEL}" } } } },
      { model: "qwen/glm-5" },
    ],
    [
      "the model as a string",
      { agents: { defaults: { model: "qwen/${MODEL_ID}" } } },
      { model: "qwen/glm-5" },
    ],
    [
      "a foreign primary model passes (the resolver ignores it)",
      { env: { vars: { M: "openai/gpt-5" } }, agents: { defaults: { model: { primary: "${M}" } } } },
      { model: "openai/gpt-5" },
    ],
    [
      "a whole base URL",
      { models: { providers: { qwen: { baseUrl: "${QWEN_BASE_URL}" } } } },
      { baseUrl: "https://gw.example/qwen/v1" },
    ],
    [
      "part of a base URL",
      { models: { providers: { qwen: { baseUrl: "https://${GATEWAY_HOST}/v1" } } } },
      { baseUrl: "https://gw.example/v1" },
    ],
    [
      "a model id in models[]",
      {
        models: {
          providers: {
            qwen: { models: [{ id: "${MODEL_ID}", compat: { supportsUsageInStreaming: false } }] },
          },
        },
      },
      { streamingUsage: { "glm-5": false } },
    ],
    [
      "a base URL from env.vars",
      {
        env: { vars: { QWEN_BASE_URL: "https://vars.example/v1" } },
        models: { providers: { qwen: { baseUrl: "${OTHER_URL}" } } },
      },
      { error: "missing-env-var" },
    ],
    [
      "an escaped reference kept literal",
      { models: { providers: { qwen: { baseUrl: "https://gw.example/$${QWEN_BASE_URL}" } } } },
      { baseUrl: "https://gw.example/$%7BQWEN_BASE_URL%7D" },
    ],
  ])("substitutes %s", (_label, config, expected) => {
    if ("error" in expected) {
      expect(errorOf(() => readOpenClawConfig(config, { env })).kind).toBe(expected.error);
      return;
    }
    expect(readOpenClawConfig(config, { env })).toEqual(expected);
  });

  it("reads the environment's layers: env, then env files, then env.vars", () => {
    const config = {
      env: { vars: { QWEN_BASE_URL: "https://vars.example/v1" } },
      models: { providers: { qwen: { baseUrl: "${QWEN_BASE_URL}" } } },
    };
    expect(readOpenClawConfig(config, { env: {} }).baseUrl).toBe("https://vars.example/v1");
    expect(readOpenClawConfig(config, { env: { QWEN_BASE_URL: "https://env.example/v1" } }).baseUrl).toBe(
      "https://env.example/v1",
    );
  });

  const pasted = "sk-0000000000 oops pasted000000key";
  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "a base URL",
      { models: { providers: { qwen: { baseUrl: "${BAD}" } } } },
      "config.models.providers.qwen.baseUrl",
      `ftp://${pasted}`,
    ],
    [
      "a primary model",
      { agents: { defaults: { model: { primary: "${BAD}" } } } },
      "config.agents.defaults.model.primary",
      `qwen/${pasted}`,
    ],
    [
      "a model id",
      {
        models: {
          providers: {
            qwen: { models: [{ id: "qwen/${BAD}", compat: { supportsUsageInStreaming: true } }] },
          },
        },
      },
      "config.models.providers.qwen.models[0].id",
      pasted,
    ],
  ])(
    "never quotes a bad substituted value in %s: it names the path and variable",
    (_label, config, path, bad) => {
      const error = errorOf(() => readOpenClawConfig(config, { env: { BAD: bad } }));
      expect(error.message).toBe(
        `${path} is not valid after substituting BAD (the value is not shown: it came from the environment).`,
      );
      expect(error.hint).toBe("Check the value of BAD.");
      expect(error.cause).toBeUndefined();
    },
  );
});
