import { describe, expect, it } from "vitest";
import { CUSTOM_CAPABILITIES, capabilitiesForBaseUrl } from "./capabilities.js";
import { capabilitiesForModel } from "./model-capabilities.js";
import { type ResolveQwenConfigOptions, resolveQwenConfig } from "./resolve.js";

const STANDARD_KEY = "sk-0123456789abcdef0123456789ab1234";
const NATIVE_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1";
const CUSTOM_URL = "https://gateway.example/v1";

const config = (settings: Record<string, boolean>) => ({
  models: {
    providers: {
      qwen: {
        models: Object.entries(settings).map(([id, value]) => ({
          id,
          compat: { supportsUsageInStreaming: value },
        })),
      },
    },
  },
});

const resolve = (options: ResolveQwenConfigOptions) =>
  resolveQwenConfig({ env: {}, apiKey: STANDARD_KEY, model: "qwen3.5-plus", ...options });

describe("capabilitiesForModel: streaming usage for any model, by one rule", () => {
  it.each([
    ["native host, no settings: detected (on)", {}, "glm-5", true],
    ["custom URL, no settings: detected (off)", { baseUrl: CUSTOM_URL }, "glm-5", false],
    ["config off for that model beats detection", { config: config({ "glm-5": false }) }, "glm-5", false],
    [
      "config on for that model on a custom URL",
      { baseUrl: CUSTOM_URL, config: config({ "glm-5": true }) },
      "glm-5",
      true,
    ],
    [
      "a config setting for another model does not apply",
      { config: config({ "glm-4.7": false }) },
      "glm-5",
      true,
    ],
    [
      "the option beats the config",
      { streamingUsage: true, config: config({ "glm-5": false }) },
      "glm-5",
      true,
    ],
    ["the option applies to every model", { streamingUsage: false }, "kimi-k2.5", false],
    [
      "an Object.prototype name is not a setting",
      { config: config({ "glm-5": false }) },
      "constructor",
      true,
    ],
  ] as const)("%s", (_label, options, modelId, expected) => {
    expect(capabilitiesForModel(resolve(options), modelId).streamingUsage).toBe(expected);
  });

  it("agrees with resolved.capabilities for the configured model", () => {
    for (const streamingUsage of [undefined, true, false]) {
      const resolved = resolve({
        config: config({ "qwen3.5-plus": false }),
        ...(streamingUsage === undefined ? {} : { streamingUsage }),
      });
      expect(capabilitiesForModel(resolved, resolved.model.modelId)).toEqual(resolved.capabilities);
    }
  });

  it("keeps every other capability of the endpoint, or of the rules the caller passes", () => {
    const resolved = resolve({ baseUrl: CUSTOM_URL, config: config({ "glm-5": true }) });
    expect(capabilitiesForModel(resolved, "glm-5")).toEqual({ ...CUSTOM_CAPABILITIES, streamingUsage: true });
    const native = capabilitiesForBaseUrl(NATIVE_URL);
    expect(capabilitiesForModel(resolved, "glm-4.7", native)).toEqual(native);
  });
});
