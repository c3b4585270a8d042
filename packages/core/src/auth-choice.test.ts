import { describe, expect, it } from "vitest";
import { authChoiceSpec, resolveAuthChoice } from "./auth-choice.js";
import { AUTH_CHOICES, authChoiceFor, authChoicesOf } from "./auth-choices.js";
import { errorOf } from "./test-utils/error-of.js";

// Written out by hand: the ids users type and what each must select.
const TABLE = [
  [
    "qwen-standard-api-key-cn",
    "modelstudio-standard-api-key-cn",
    "standard",
    "cn-beijing",
    "https://dashscope.aliyuncs.com/compatible-mode/v1",
  ],
  [
    "qwen-standard-api-key",
    "modelstudio-standard-api-key",
    "standard",
    "ap-southeast-1",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  ],
  [
    "qwen-api-key-cn",
    "modelstudio-api-key-cn",
    "coding",
    "cn-beijing",
    "https://coding.dashscope.aliyuncs.com/v1",
  ],
  [
    "qwen-api-key",
    "modelstudio-api-key",
    "coding",
    "ap-southeast-1",
    "https://coding-intl.dashscope.aliyuncs.com/v1",
  ],
  [
    "qwen-token-plan-api-key-cn",
    undefined,
    "token",
    "cn-beijing",
    "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
  ],
  [
    "qwen-token-plan-api-key",
    undefined,
    "token",
    "ap-southeast-1",
    "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
  ],
] as const;

const LEGACY = TABLE.flatMap(([id, legacy]) => (legacy === undefined ? [] : [[id, legacy] as const]));

describe("AUTH_CHOICES", () => {
  it("is the plan x region table, keyed by id, each row selecting its plan's host in its region", () => {
    expect(Object.keys(AUTH_CHOICES).sort()).toEqual(TABLE.map(([id]) => id).sort());
    for (const [id, legacyId, plan, region, baseUrl] of TABLE) {
      expect(authChoiceSpec(id)).toMatchObject({
        id,
        legacyId,
        plan,
        region,
        endpoint: { plan, region, baseUrl },
      });
    }
  });

  it("labels each choice from the plan and region tables", () => {
    expect(authChoiceSpec("qwen-token-plan-api-key").label).toBe("Token Plan, Singapore (ap-southeast-1)");
    expect(authChoiceSpec("qwen-standard-api-key-cn").label).toBe(
      "Pay-as-you-go, China (Beijing) (cn-beijing)",
    );
  });

  it("finds each plan's choices and the one of a region", () => {
    expect(authChoicesOf("token")).toEqual(
      expect.arrayContaining(["qwen-token-plan-api-key", "qwen-token-plan-api-key-cn"]),
    );
    expect(authChoiceFor("coding", "cn-beijing")).toBe("qwen-api-key-cn");
    expect(authChoiceFor("coding", "us-east-1")).toBeUndefined();
  });
});

describe("resolveAuthChoice", () => {
  it.each(TABLE)("canonical %s → %s/%s, no warning", (id, _legacy, plan, region, baseUrl) => {
    const { choice, warning } = resolveAuthChoice(id);
    expect(choice).toMatchObject({ id, plan, region, endpoint: { baseUrl } });
    expect(warning).toBeUndefined();
  });

  it.each(LEGACY)("legacy id of %s works, with a deprecation warning naming it", (id, legacy) => {
    const { choice, warning } = resolveAuthChoice(legacy);
    expect(choice).toMatchObject({ id, legacyId: legacy });
    expect(warning?.code).toBe("deprecated-auth-choice");
    expect(warning?.message).toContain(`"${legacy}"`);
    expect(warning?.message).toContain(`"${id}"`);
  });

  it.each([
    ["  qwen-api-key  ", "qwen-api-key"],
    ["QWEN-STANDARD-API-KEY-CN", "qwen-standard-api-key-cn"],
    [" Qwen-Token-Plan-API-Key-CN ", "qwen-token-plan-api-key-cn"],
    ["\tModelStudio-API-Key\n", "qwen-api-key"],
  ])("trims and ignores case: %j → %s", (input, id) => {
    expect(resolveAuthChoice(input).choice.id).toBe(id);
  });

  it.each([
    "",
    "qwen",
    "qwen-standard",
    "qwen-api-key-us",
    "modelstudio-token-plan-api-key",
    "constructor",
    "__proto__",
    "openai-api-key",
    "modelstudio",
    "qwen api key",
  ])("unknown %j is an error listing every valid id", (input) => {
    const error = errorOf(() => resolveAuthChoice(input));
    expect(error.kind).toBe("unknown-auth-choice");
    for (const [id, legacy] of TABLE) {
      expect(error.message).toContain(id);
      if (legacy !== undefined) expect(error.message).toContain(legacy);
    }
    for (const [id] of TABLE) expect(error.hint).toContain(`"${id}"`);
    expect(error.hint).toMatch(/Pay-as-you-go: .*; Coding Plan: .*; Token Plan: /);
  });

  it.each([
    ["qwen-standart-api-key", "qwen-standard-api-key"],
    ["qwen api key", "qwen-api-key"],
    ["qwen-token-plan-api-ky", "qwen-token-plan-api-key"],
    ["modelstudio-api-key-c", "modelstudio-api-key-cn"],
  ])("suggests the id %j was meant to be (%s)", (input, meant) => {
    expect(errorOf(() => resolveAuthChoice(input)).message).toContain(`Did you mean "${meant}"?`);
  });

  it.each(["openai-api-key", "qwen"])("suggests nothing for %j, which is close to no id", (input) => {
    expect(errorOf(() => resolveAuthChoice(input)).message).not.toContain("Did you mean");
  });

  it("rejects a value that is not a string", () => {
    expect(errorOf(() => resolveAuthChoice(7 as unknown as string)).message).toContain("a number");
  });
});
