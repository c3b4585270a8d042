import { describe, expect, it } from "vitest";
import { CUSTOM_CAPABILITIES, capabilitiesForBaseUrl, NATIVE_CAPABILITIES } from "./capabilities.js";
import { ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS } from "./endpoints/families.js";
import { errorOf } from "./test-utils/error-of.js";
import { EXPECTED_HOSTS } from "./test-utils/expected-hosts.js";

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
  it.each(EXPECTED_HOSTS.map((e) => [e.baseUrl, e.family] as const))(
    "%s follows the DashScope rules",
    (url, family) => {
      expect(capabilitiesForBaseUrl(url)).toEqual({
        ...NATIVE_RULES,
        modelsEndpoint: family !== "coding-plan" && family !== "token-plan",
      });
    },
  );

  it("lists models where the family has /models, from the family table", () => {
    for (const family of ENDPOINT_FAMILY_IDS) {
      expect(NATIVE_CAPABILITIES[family]).toEqual({
        ...NATIVE_RULES,
        modelsEndpoint: ENDPOINT_FAMILIES[family].modelsEndpoint,
      });
    }
  });

  it("the standalone mock's layout on loopback gets the host's rules", () => {
    expect(
      capabilitiesForBaseUrl(
        "http://127.0.0.1:4010/token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
      ),
    ).toEqual({ ...NATIVE_RULES, modelsEndpoint: false });
  });

  it.each([
    "https://dashscope.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://evil-dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1",
    "https://evil.example/dashscope.aliyuncs.com/compatible-mode/v1",
    "http://dashscope.aliyuncs.com/compatible-mode/v1",
    "http://10.1.2.3:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1",
    "https://api.openai.com/v1",
    "not a url at all",
  ])("%s gets plain OpenAI-compatible behaviour", (url) => {
    expect(capabilitiesForBaseUrl(url)).toEqual(CUSTOM_CAPABILITIES);
    expect(CUSTOM_CAPABILITIES).toMatchObject({
      native: false,
      streamingUsage: false,
      // A gateway in front of DashScope would reject it; every OpenAI-compatible server takes system.
      developerRole: false,
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
    expect(
      capabilitiesForBaseUrl("https://dashscope.aliyuncs.com/compatible-mode/v1", {}).streamingUsage,
    ).toBe(true);
  });

  it("rejects an override of the wrong type", () => {
    expect(
      errorOf(() =>
        capabilitiesForBaseUrl("https://dashscope.aliyuncs.com/compatible-mode/v1", {
          streamingUsage: "yes" as never,
        }),
      ).kind,
    ).toBe("invalid-option");
  });
});
