import { describe, expect, it } from "vitest";
import { resolveAuthChoice } from "./auth-choice.js";
import { AUTH_CHOICES } from "./auth-choices.js";
import { errorOf } from "./test-utils/error-of.js";

const TABLE = [
  [
    "qwen-standard-api-key-cn",
    "modelstudio-standard-api-key-cn",
    "standard",
    "china",
    "https://dashscope.aliyuncs.com/compatible-mode/v1",
  ],
  [
    "qwen-standard-api-key",
    "modelstudio-standard-api-key",
    "standard",
    "global",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  ],
  [
    "qwen-api-key-cn",
    "modelstudio-api-key-cn",
    "coding",
    "china",
    "https://coding.dashscope.aliyuncs.com/v1",
  ],
  [
    "qwen-api-key",
    "modelstudio-api-key",
    "coding",
    "global",
    "https://coding-intl.dashscope.aliyuncs.com/v1",
  ],
] as const;

describe("AUTH_CHOICES", () => {
  it("is the SPEC's plan x region table, each row pointing at its plan's endpoint in its region", () => {
    expect(AUTH_CHOICES.map((c) => [c.id, c.legacyId, c.plan, c.region, c.endpoint.baseUrl])).toEqual(
      TABLE.map((row) => [...row]),
    );
    for (const choice of AUTH_CHOICES) {
      expect(choice.endpoint).toMatchObject({ plan: choice.plan, region: choice.region });
    }
  });
});

describe("resolveAuthChoice", () => {
  it.each(TABLE)("canonical %s → %s/%s, no warning", (id, _legacy, plan, region, baseUrl) => {
    const { choice, warning } = resolveAuthChoice(id);
    expect(choice).toMatchObject({ id, plan, region, endpoint: { baseUrl } });
    expect(warning).toBeUndefined();
  });

  it.each(TABLE)(
    "legacy id of %s works, with a deprecation warning naming it",
    (id, legacy, plan, region) => {
      const { choice, warning } = resolveAuthChoice(legacy);
      expect(choice).toMatchObject({ id, plan, region });
      expect(warning?.code).toBe("deprecated-auth-choice");
      expect(warning?.message).toContain(`"${legacy}"`);
      expect(warning?.message).toContain(`"${id}"`);
    },
  );

  it.each([
    ["  qwen-api-key  ", "qwen-api-key"],
    ["QWEN-STANDARD-API-KEY-CN", "qwen-standard-api-key-cn"],
    ["\tModelStudio-API-Key\n", "qwen-api-key"],
  ])("trims and ignores case: %j → %s", (input, id) => {
    expect(resolveAuthChoice(input).choice.id).toBe(id);
  });

  it.each(["", "qwen", "qwen-standard", "qwen-api-key-us", "openai-api-key", "modelstudio", "qwen api key"])(
    "unknown %j is an error listing every valid id",
    (input) => {
      const error = errorOf(() => resolveAuthChoice(input));
      expect(error.kind).toBe("unknown-auth-choice");
      for (const [id, legacy] of TABLE) {
        expect(error.message).toContain(id);
        expect(error.message).toContain(legacy);
      }
    },
  );

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
