import { describe, expect, it } from "vitest";
import { CUSTOM_CAPABILITIES, capabilitiesForBaseUrl, NATIVE_CAPABILITIES } from "./capabilities.js";
import { ENDPOINTS } from "./endpoints.js";
import { errorOf } from "./test-utils/error-of.js";

const NATIVE_RULES = {
  native: true,
  streamingUsage: true,
  developerRole: false,
  maxTokensField: "max_completion_tokens",
  thinkingParams: "dashscope",
  rejectsEmptyTools: true,
  nonStreamingThinking: false,
  jsonModeWithThinking: false,
};

describe("capabilitiesForBaseUrl", () => {
  it.each(ENDPOINTS.map((e) => [e.baseUrl, e.plan] as const))(
    "%s follows the DashScope rules",
    (url, plan) => {
      expect(capabilitiesForBaseUrl(url)).toEqual({ ...NATIVE_RULES, modelsEndpoint: plan === "standard" });
    },
  );

  it("lists models on Standard hosts and not on Coding Plan hosts", () => {
    expect(NATIVE_CAPABILITIES.standard.modelsEndpoint).toBe(true);
    expect(NATIVE_CAPABILITIES.coding.modelsEndpoint).toBe(false);
  });

  it.each([
    "https://dashscope.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://evil-dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1",
    "https://evil.example/dashscope.aliyuncs.com/compatible-mode/v1",
    "http://dashscope.aliyuncs.com/compatible-mode/v1",
    "http://127.0.0.1:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1",
    "https://api.openai.com/v1",
    "not a url at all",
  ])("%s gets plain OpenAI-compatible behaviour", (url) => {
    expect(capabilitiesForBaseUrl(url)).toEqual(CUSTOM_CAPABILITIES);
    expect(CUSTOM_CAPABILITIES).toMatchObject({
      native: false,
      streamingUsage: false,
      developerRole: true,
      maxTokensField: "max_tokens",
      thinkingParams: "openai",
      modelsEndpoint: true,
    });
  });

  it("detects by the URL whatever the spelling", () => {
    expect(capabilitiesForBaseUrl(" DASHSCOPE-INTL.aliyuncs.com/compatible-mode/v1/ ").native).toBe(true);
  });

  it.each([
    ["native, forced off", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", false],
    ["custom, forced on", "https://gateway.example/v1", true],
  ])("an explicit streaming-usage setting wins over detection (%s)", (_label, url, value) => {
    const capabilities = capabilitiesForBaseUrl(url, { streamingUsage: value });
    expect(capabilities.streamingUsage).toBe(value);
    expect(capabilities.native).toBe(!value);
  });

  it("keeps the detected value when the override is undefined", () => {
    expect(capabilitiesForBaseUrl(ENDPOINTS[0].baseUrl, {}).streamingUsage).toBe(true);
  });

  it("rejects an override of the wrong type", () => {
    expect(
      errorOf(() => capabilitiesForBaseUrl(ENDPOINTS[0].baseUrl, { streamingUsage: "yes" as never })).kind,
    ).toBe("invalid-option");
  });
});
