import { describe, expect, it } from "vitest";
import { errorOf } from "../test-utils/error-of.js";
import { type EndpointSelection, endpointFor } from "./endpoint-for.js";
import { PLAN_IDS } from "./plans.js";
import { REGION_IDS } from "./regions.js";

describe("endpointFor picks the plan's host without a URL", () => {
  it.each([
    [{ region: "cn-beijing" }, "https://dashscope.aliyuncs.com/compatible-mode/v1"],
    [
      { plan: "standard", region: "ap-southeast-1" },
      "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    ],
    [{ plan: "standard", region: "us-east-1" }, "https://dashscope-us.aliyuncs.com/compatible-mode/v1"],
    [
      { plan: "standard", region: "cn-hongkong" },
      "https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    [
      { plan: "standard", region: "ap-northeast-1", workspaceId: "llm-abc" },
      "https://llm-abc.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1",
    ],
    [
      { region: "eu-central-1", workspaceId: " LLM-Abc " },
      "https://llm-abc.eu-central-1.maas.aliyuncs.com/compatible-mode/v1",
    ],
    [
      { region: "eu-central-1", family: "trial" },
      "https://trial.eu-central-1.maas.aliyuncs.com/compatible-mode/v1",
    ],
    [{ plan: "coding", region: "cn-beijing" }, "https://coding.dashscope.aliyuncs.com/v1"],
    [{ plan: "coding", region: "ap-southeast-1" }, "https://coding-intl.dashscope.aliyuncs.com/v1"],
    [
      { plan: "token", region: "cn-beijing" },
      "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
    ],
    [
      { family: "token-plan", region: "ap-southeast-1" },
      "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    ],
  ] as [EndpointSelection, string][])("%j → %s", (selection, baseUrl) => {
    expect(endpointFor(selection).baseUrl).toBe(baseUrl);
  });

  it("every plan in every region either has a host or says why not", () => {
    for (const plan of PLAN_IDS) {
      for (const region of REGION_IDS) {
        try {
          expect(endpointFor({ plan, region }).plan).toBe(plan);
        } catch (error) {
          expect(errorOf(() => endpointFor({ plan, region })).kind).toBe("invalid-option");
          expect(String((error as Error).message)).toContain(region);
        }
      }
    }
  });
});

describe("endpointFor refuses what cannot exist", () => {
  it.each([
    [
      "a region with only workspace domains, without a workspace id",
      { plan: "standard", region: "ap-northeast-1" },
      /ap-northeast-1 \(Japan \(Tokyo\)\) has only workspace-dedicated domains/,
      /workspaceId/,
    ],
    [
      "Frankfurt without a workspace id",
      { region: "eu-central-1" },
      /only workspace-dedicated domains/,
      /trial/,
    ],
    [
      "the Coding Plan outside its regions",
      { plan: "coding", region: "us-east-1" },
      /Coding Plan has no host in us-east-1/,
      /cn-beijing/,
    ],
    [
      "the Token Plan outside its regions",
      { plan: "token", region: "eu-central-1" },
      /Token Plan has no host in eu-central-1/,
      /ap-southeast-1/,
    ],
    [
      "a workspace id with the Coding Plan",
      { plan: "coding", region: "cn-beijing", workspaceId: "ws1" },
      /Pay-as-you-go keys only/,
      /Leave workspaceId out/,
    ],
    [
      "a workspace id with the trial family",
      { family: "trial", region: "cn-beijing", workspaceId: "ws1" },
      /no workspace id/,
      /Leave workspaceId out/,
    ],
    [
      "the workspace family without an id",
      { family: "workspace", region: "cn-beijing" },
      /named by its workspace id/,
      /Pass workspaceId/,
    ],
    [
      "a family of another plan",
      { plan: "coding", family: "token-plan", region: "cn-beijing" },
      /serves the Token Plan, not the Coding Plan/,
      /Leave plan out/,
    ],
    [
      "a workspace id of two labels",
      { region: "cn-beijing", workspaceId: "a.b" },
      /one DNS label/,
      /console/,
    ],
    ["a reserved-looking bad id", { region: "cn-beijing", workspaceId: "-x" }, /one DNS label/, /console/],
    // Both would otherwise build Model Studio's own host and call it a workspace domain.
    [
      "the reserved label trial as a workspace id",
      { region: "cn-beijing", workspaceId: "trial" },
      /"trial" is the first label of Model Studio's own trial\.\{regionId\} hosts/,
      /family: "trial"/,
    ],
    [
      "the reserved label token-plan as a workspace id (any case)",
      { region: "cn-beijing", workspaceId: "Token-Plan" },
      /"token-plan" is the first label of Model Studio's own token-plan\.\{regionId\} hosts/,
      /family: "token-plan"/,
    ],
    ["an unknown region", { region: "china" }, /Unknown region "china"/, /cn-beijing \(China \(Beijing\)\)/],
    ["no region", {}, /No region given/, /ap-southeast-1/],
    [
      "an unknown plan",
      { plan: "enterprise", region: "cn-beijing" },
      /Unknown plan "enterprise"/,
      /standard, coding, token/,
    ],
    [
      "an unknown family",
      { family: "edge", region: "cn-beijing" },
      /Unknown endpoint family "edge"/,
      /trial/,
    ],
  ] as [string, EndpointSelection, RegExp, RegExp][])("%s", (_label, selection, message, hint) => {
    const error = errorOf(() => endpointFor(selection));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it("refuses a selection that is not an object", () => {
    expect(errorOf(() => endpointFor(null as unknown as EndpointSelection)).kind).toBe("invalid-option");
  });

  it("never echoes a key pasted as a (malformed) workspace id", () => {
    const error = errorOf(() =>
      endpointFor({ region: "cn-beijing", workspaceId: "sk-0123456789abcdef_0123456789" }),
    );
    expect(error.message).toContain("sk-…");
    expect(error.message).not.toContain("0123456789abcdef");
  });
});
