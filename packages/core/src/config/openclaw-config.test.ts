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
    const error = errorOf(() => readOpenClawConfig(config));
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
