import { describe, expect, it } from "vitest";
import { authChoicesOf } from "../auth-choices.js";
import { type ResolveQwenConfigOptions, resolveQwenConfig } from "../resolve.js";
import { errorOf } from "../test-utils/error-of.js";
import { EXPECTED_HOSTS, type ExpectedHost } from "../test-utils/expected-hosts.js";
import { PLAN_IDS, type Plan } from "./plans.js";
import { PROTOCOL_PATHS } from "./protocol-paths.js";
import { REGION_IDS, type RegionId } from "./regions.js";

const STANDARD_KEY = "sk-0123456789abcdef0123456789ab1234";
const SUBSCRIPTION_KEY = "sk-sp-0123456789abcdef0123456789ab5678";
const WORKSPACE = "llm-abc123";
const MOCK = "http://127.0.0.1:4010";

const resolve = (options: ResolveQwenConfigOptions) => resolveQwenConfig({ env: {}, ...options });
const codes = (options: ResolveQwenConfigOptions) => resolve(options).warnings.map((w) => w.code);
const keyOf = (plan: Plan) => (plan === "standard" ? STANDARD_KEY : SUBSCRIPTION_KEY);
const hostOf = (family: ExpectedHost["family"], region: RegionId) =>
  EXPECTED_HOSTS.find((row) => row.family === family && row.region === region);

// The rule, stated once against the hand-written host table: a workspace id picks the workspace
// domain (Pay-as-you-go only); otherwise each plan has its own family.
const FAMILY_OF_PLAN = { standard: "dashscope", coding: "coding-plan", token: "token-plan" } as const;
function expectedFor(
  plan: Plan,
  region: RegionId,
  workspaceId: string | undefined,
): ExpectedHost | undefined {
  if (workspaceId !== undefined) return plan === "standard" ? hostOf("workspace", region) : undefined;
  return hostOf(FAMILY_OF_PLAN[plan], region);
}

const COMBINATIONS = PLAN_IDS.flatMap((plan) =>
  REGION_IDS.flatMap((region) =>
    [undefined, WORKSPACE].map((workspaceId) => [plan, region, workspaceId] as const),
  ),
);

describe("plan, region and workspaceId select the host without a URL", () => {
  it.each(COMBINATIONS)("plan %s, region %s, workspaceId %s", (plan, region, workspaceId) => {
    const options = { plan, region, workspaceId, apiKey: keyOf(plan) };
    const expected = expectedFor(plan, region, workspaceId);
    if (expected === undefined) {
      const error = errorOf(() => resolve(options));
      expect(error.kind).toBe("invalid-option");
      expect(`${error.message} ${error.hint}`).toMatch(
        workspaceId === undefined ? new RegExp(`${region}|workspaceId`) : /workspace/,
      );
      return;
    }
    const resolved = resolve(options);
    expect(resolved.endpoint).toEqual({
      baseUrl: expected.baseUrl,
      native: true,
      family: expected.family,
      plan: expected.plan,
      region: expected.region,
      workspaceId: expected.workspaceId,
      source: "options",
    });
    expect(resolved.capabilities).toMatchObject({ native: true, streamingUsage: true });
    expect(resolved.warnings).toEqual([]);
  });

  it("a region with only workspace domains, such as Tokyo, says so without a workspace id", () => {
    const error = errorOf(() => resolve({ region: "ap-northeast-1", apiKey: STANDARD_KEY }));
    expect(error.message).toContain("ap-northeast-1 (Japan (Tokyo)) has only workspace-dedicated domains");
    expect(error.hint).toContain("workspaceId");
    // resolveQwenConfig has no family option: the hint names the call that builds the trial URL.
    expect(error.hint).toContain('endpointFor({ family: "trial", region })');
  });

  it("the region defaults to Singapore", () => {
    expect(resolve({ plan: "token", apiKey: SUBSCRIPTION_KEY }).endpoint.baseUrl).toBe(
      "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    );
  });

  it("a workspace id needs its region", () => {
    const error = errorOf(() => resolve({ workspaceId: WORKSPACE, apiKey: STANDARD_KEY }));
    expect(error.kind).toBe("invalid-option");
    expect(error.hint).toContain("region");
  });

  it.each(["trial", "token-plan", " TRIAL "])(
    "workspaceId %j is refused: it would build a host that is not a workspace domain",
    (workspaceId) => {
      const error = errorOf(() => resolve({ region: "cn-beijing", workspaceId, apiKey: STANDARD_KEY }));
      expect(error.kind).toBe("invalid-option");
      expect(error.message).toMatch(/not a workspace/);
      expect(error.hint).toMatch(/endpointFor\(\{ family: "(trial|token-plan)", region \}\)/);
    },
  );

  it("a workspace id is trimmed and lower-cased, like the hostname it becomes", () => {
    const resolved = resolve({ region: "eu-central-1", workspaceId: " LLM-Abc123 ", apiKey: STANDARD_KEY });
    expect(resolved.endpoint).toMatchObject({ family: "workspace", workspaceId: WORKSPACE });
  });

  it.each([
    ["a Pay-as-you-go key: Pay-as-you-go", STANDARD_KEY, "dashscope", []],
    [
      "a subscription key: the Coding Plan, said to be a guess",
      SUBSCRIPTION_KEY,
      "coding-plan",
      ["subscription-plan-guessed"],
    ],
  ] as const)(
    "a region without a plan takes the plan from the key (%s)",
    (_label, apiKey, family, warnings) => {
      const resolved = resolve({ region: "cn-beijing", apiKey });
      expect(resolved.endpoint).toMatchObject({ family, region: "cn-beijing", source: "options" });
      expect(resolved.warnings.map((w) => w.code)).toEqual(warnings);
    },
  );
});

describe("auth choice, plan, region and provider id must agree", () => {
  it.each([
    [
      "the auth choice and plan",
      { authChoice: "qwen-api-key", plan: "token" },
      /"qwen-api-key" means the Coding Plan.*plan "token" means the Token Plan|plan "token" means the Token Plan.*"qwen-api-key" means the Coding Plan/,
    ],
    [
      "the auth choice and region",
      { authChoice: "qwen-api-key-cn", region: "ap-southeast-1" },
      /cn-beijing.*ap-southeast-1|ap-southeast-1.*cn-beijing/,
    ],
    [
      "the provider id and auth choice",
      { providerId: "qwen-token-plan", authChoice: "qwen-api-key" },
      /qwen-token-plan.*Token Plan/,
    ],
    ["the provider id and plan", { providerId: "bailian-token-plan", plan: "standard" }, /Pay-as-you-go/],
  ] as const)("%s", (_label, options, message) => {
    const error = errorOf(() => resolve({ ...options, apiKey: SUBSCRIPTION_KEY }));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      { authChoice: "qwen-api-key", plan: "coding" },
      SUBSCRIPTION_KEY,
      "https://coding-intl.dashscope.aliyuncs.com/v1",
      "options",
    ],
    [
      { authChoice: "qwen-standard-api-key-cn", workspaceId: WORKSPACE },
      STANDARD_KEY,
      `https://${WORKSPACE}.cn-beijing.maas.aliyuncs.com/compatible-mode/v1`,
      "options",
    ],
    [
      { authChoice: "qwen-token-plan-api-key-cn", providerId: "qwen-token-plan" },
      SUBSCRIPTION_KEY,
      "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
      "auth-choice",
    ],
  ] as const)("agreeing options combine: %j", (options, apiKey, baseUrl, source) => {
    const resolved = resolve({ ...options, apiKey });
    expect(resolved.endpoint).toMatchObject({ baseUrl, source });
    expect(resolved.warnings).toEqual([]);
  });

  it("a workspace id with a subscription auth choice is refused", () => {
    const error = errorOf(() =>
      resolve({ authChoice: "qwen-api-key", workspaceId: WORKSPACE, apiKey: SUBSCRIPTION_KEY }),
    );
    expect(error.message).toContain("Pay-as-you-go keys only");
  });
});

describe("the qwen-token-plan provider", () => {
  it.each(["qwen-token-plan", "bailian-token-plan", " Qwen-Token-Plan "])(
    "%j means the Token Plan",
    (providerId) => {
      const resolved = resolve({ providerId, apiKey: SUBSCRIPTION_KEY });
      expect(resolved.providerId).toBe("qwen-token-plan");
      expect(resolved.endpoint).toMatchObject({
        family: "token-plan",
        region: "ap-southeast-1",
        source: "provider-id",
      });
      expect(resolved.model.ref).toBe("qwen-token-plan/qwen3.5-plus");
      expect(resolved.warnings).toEqual([]);
    },
  );

  it("takes a region", () => {
    expect(
      resolve({ providerId: "qwen-token-plan", region: "cn-beijing", apiKey: SUBSCRIPTION_KEY }).endpoint
        .baseUrl,
    ).toBe("https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1");
  });

  it.each(["qwen-token-plan/glm-5", "bailian-token-plan/glm-5", "Qwen-Token-Plan / glm-5"])(
    "the model ref %j selects the Token Plan when no provider id is given",
    (model) => {
      const resolved = resolve({ model, apiKey: SUBSCRIPTION_KEY });
      expect(resolved.providerId).toBe("qwen-token-plan");
      expect(resolved.model).toMatchObject({
        provider: "qwen-token-plan",
        modelId: "glm-5",
        ref: "qwen-token-plan/glm-5",
      });
      expect(resolved.endpoint.family).toBe("token-plan");
    },
  );

  it("a bare model id belongs to the provider id given", () => {
    expect(
      resolve({ providerId: "qwen-token-plan", model: "glm-5.1", apiKey: SUBSCRIPTION_KEY }).model.ref,
    ).toBe("qwen-token-plan/glm-5.1");
  });

  it.each([
    [{ providerId: "qwen", model: "qwen-token-plan/glm-5" }, '"qwen-token-plan", but providerId is "qwen"'],
    [{ providerId: "qwen-token-plan", model: "qwen/glm-5" }, '"qwen", but providerId is "qwen-token-plan"'],
  ])("a model ref of the other provider is an error: %j", (options, message) => {
    const error = errorOf(() => resolve({ ...options, apiKey: SUBSCRIPTION_KEY }));
    expect(error.kind).toBe("foreign-model-ref");
    expect(error.message).toContain(message);
  });

  it("the config's primary model of the other provider is ignored, like any other provider's", () => {
    const config = { agents: { defaults: { model: { primary: "qwen-token-plan/glm-5" } } } };
    expect(resolve({ config, apiKey: STANDARD_KEY }).model.ref).toBe("qwen/qwen3.5-plus");
    expect(resolve({ config, providerId: "qwen-token-plan", apiKey: SUBSCRIPTION_KEY }).model.ref).toBe(
      "qwen-token-plan/glm-5",
    );
  });

  it("warns for a model outside the Token Plan's list, reading the dated list", () => {
    const [warning] = resolve({
      providerId: "qwen-token-plan",
      model: "qwen3-coder-next",
      apiKey: SUBSCRIPTION_KEY,
    }).warnings;
    expect(warning?.code).toBe("model-not-in-plan");
    expect(warning?.message).toContain('Token Plan\'s model list "token-2026-11"');
    expect(
      codes({ providerId: "qwen-token-plan", model: "deepseek-v4-pro", apiKey: SUBSCRIPTION_KEY }),
    ).toEqual([]);
    expect(
      codes({
        providerId: "qwen-token-plan",
        model: "x-1",
        tokenPlanModels: ["x-1"],
        apiKey: SUBSCRIPTION_KEY,
      }),
    ).toEqual([]);
  });
});

describe("subscription keys", () => {
  it("with no endpoint given, qwenkit guesses the Coding Plan and says how to choose, from the auth-choice table", () => {
    const resolved = resolve({ apiKey: SUBSCRIPTION_KEY });
    expect(resolved.endpoint).toMatchObject({
      family: "coding-plan",
      region: "ap-southeast-1",
      source: "key-prefix",
    });
    const [warning, ...rest] = resolved.warnings;
    expect(rest).toEqual([]);
    expect(warning?.code).toBe("subscription-plan-guessed");
    expect(warning?.message).toContain("Coding Plan or Token Plan");
    expect(warning?.message).toContain("guessed the Coding Plan");
    for (const id of [...authChoicesOf("token"), ...authChoicesOf("coding")])
      expect(warning?.message).toContain(`"${id}"`);
    expect(warning?.message).toContain('plan: "token"');
    expect(warning?.message).not.toContain(SUBSCRIPTION_KEY);
  });

  it.each(["qwen-api-key", "qwen-token-plan-api-key-cn"])("%s: no guess, no warning", (authChoice) => {
    expect(codes({ authChoice, apiKey: SUBSCRIPTION_KEY })).toEqual([]);
  });

  it.each(EXPECTED_HOSTS.filter((row) => row.plan === "standard"))(
    "on $baseUrl a subscription key is caught before any request, without naming one subscription",
    (row) => {
      const [warning] = resolve({ baseUrl: row.baseUrl, apiKey: SUBSCRIPTION_KEY }).warnings;
      expect(warning?.code).toBe("key-plan-mismatch");
      expect(warning?.message).toContain("a subscription key (Coding Plan or Token Plan, sk-sp-)");
      expect(warning?.message).not.toMatch(/is a Coding Plan key|is a Token Plan key/);
    },
  );

  it.each(EXPECTED_HOSTS.filter((row) => row.plan !== "standard"))(
    "on $baseUrl a Pay-as-you-go key is caught before any request",
    (row) => {
      const [warning] = resolve({ baseUrl: row.baseUrl, apiKey: STANDARD_KEY }).warnings;
      expect(warning?.code).toBe("key-plan-mismatch");
      expect(warning?.message).toContain("a Pay-as-you-go key (sk-, not sk-sp-)");
    },
  );
});

describe("a base URL of any family, directly or in the mock's layout on loopback", () => {
  it.each(EXPECTED_HOSTS)("$baseUrl resolves as $family, $region", (row) => {
    const resolved = resolve({ baseUrl: row.baseUrl, apiKey: keyOf(row.plan) });
    expect(resolved.endpoint).toEqual({
      baseUrl: row.baseUrl,
      native: true,
      family: row.family,
      plan: row.plan,
      region: row.region,
      workspaceId: row.workspaceId,
      source: "base-url",
    });
    expect(resolved.warnings).toEqual([]);
  });

  it.each(EXPECTED_HOSTS)(
    "the mock's $host resolves as the host: plan, region, capabilities, warnings",
    (row) => {
      const baseUrl = `${MOCK}/${row.host}${row.basePath}`;
      const resolved = resolve({ baseUrl, apiKey: keyOf(row.plan), model: "qwen3.5-plus" });
      expect(resolved.endpoint).toMatchObject({
        baseUrl,
        native: true,
        family: row.family,
        region: row.region,
      });
      expect(resolved.capabilities).toMatchObject({
        native: true,
        streamingUsage: true,
        nonStreamingThinking: false,
      });
      expect(resolved.warnings).toEqual([]);
      expect(codes({ baseUrl, apiKey: row.plan === "standard" ? SUBSCRIPTION_KEY : STANDARD_KEY })).toEqual([
        "key-plan-mismatch",
      ]);
    },
  );

  it("the mock layout of an auth choice's own host is not an override", () => {
    expect(
      codes({
        authChoice: "qwen-api-key",
        baseUrl: `${MOCK}/coding-intl.dashscope.aliyuncs.com/v1`,
        apiKey: SUBSCRIPTION_KEY,
      }),
    ).toEqual([]);
  });

  it("the mock layout on a host that is not loopback is a custom URL", () => {
    const resolved = resolve({
      baseUrl: "https://mock.example/dashscope-intl.aliyuncs.com/compatible-mode/v1",
      apiKey: STANDARD_KEY,
    });
    expect(resolved.endpoint.native).toBe(false);
  });

  it("a base URL replacing the plan and region options warns, naming both", () => {
    const [warning] = resolve({
      plan: "token",
      baseUrl: "https://gateway.example/v1",
      apiKey: SUBSCRIPTION_KEY,
    }).warnings;
    expect(warning?.code).toBe("selection-overridden");
    expect(warning?.message).toContain("https://gateway.example/v1");
    expect(warning?.message).toContain("token-plan.ap-southeast-1");
  });
});

const PROTOCOL_SAMPLES = [
  ["/apps/anthropic", "anthropic-messages"],
  ["/apps/anthropic/v1/messages", "anthropic-messages"],
  ["/api/v1", "dashscope-native"],
  ["/api/v1/services/aigc/text-generation/generation", "dashscope-native"],
  ["/compatible-mode/v1/responses", "responses"],
  ["/api/v2/apps/protocols/compatible-mode/v1", "responses-deprecated"],
  ["/CHAT/completions", undefined],
] as const;

describe("protocol paths", () => {
  it("the samples cover every protocol path of the table", () => {
    const covered = new Set<string>(PROTOCOL_SAMPLES.flatMap(([, id]) => id ?? []));
    covered.add("chat-completions");
    expect([...covered].sort()).toEqual(Object.keys(PROTOCOL_PATHS).sort());
  });

  const cases = EXPECTED_HOSTS.flatMap((row) => [
    ...PROTOCOL_SAMPLES.filter(([, id]) => id !== undefined).map(
      ([path]) => [row, `https://${row.host}${path}`, row.baseUrl] as const,
    ),
    [row, `${row.baseUrl}/chat/completions`, row.baseUrl] as const,
    [row, `${MOCK}/${row.host}/apps/anthropic`, `${MOCK}/${row.host}${row.basePath}`] as const,
    [
      row,
      `${MOCK}/${row.host}${row.basePath}/chat/completions`,
      `${MOCK}/${row.host}${row.basePath}`,
    ] as const,
  ]);

  it.each(cases)(
    "%#: $1 fails before any request, naming the OpenAI-compatible URL",
    (row, baseUrl, openAiUrl) => {
      const error = errorOf(() => resolve({ baseUrl, apiKey: keyOf(row.plan) }));
      expect(error.kind).toBe("invalid-base-url");
      expect(error.message).toContain(baseUrl);
      expect(error.hint).toBe(`Use ${openAiUrl}, the OpenAI-compatible base URL of the same host.`);
    },
  );

  it("names what the path is", () => {
    expect(
      errorOf(() =>
        resolve({ baseUrl: "https://dashscope-intl.aliyuncs.com/apps/anthropic", apiKey: STANDARD_KEY }),
      ).message,
    ).toContain("the Anthropic Messages API");
  });

  it("applies to the config's base URL too", () => {
    const config = {
      models: { providers: { qwen: { baseUrl: "https://coding.dashscope.aliyuncs.com/apps/anthropic" } } },
    };
    expect(errorOf(() => resolve({ config, apiKey: SUBSCRIPTION_KEY })).hint).toContain(
      "https://coding.dashscope.aliyuncs.com/v1",
    );
  });

  it.each(["https://gateway.example/v1/chat/completions", "http://127.0.0.1:8080/v1/chat/completions"])(
    "on another host, %s gets a warning naming the base URL meant",
    (baseUrl) => {
      const [warning] = resolve({ baseUrl, apiKey: STANDARD_KEY }).warnings;
      expect(warning?.code).toBe("base-url-path");
      expect(warning?.message).toContain(`Did you mean ${baseUrl.replace("/chat/completions", "")}?`);
    },
  );

  it.each([
    ["https://dashscope-intl.aliyuncs.com", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"],
    ["https://coding.dashscope.aliyuncs.com/compatible-mode/v1", "https://coding.dashscope.aliyuncs.com/v1"],
    [
      `https://${WORKSPACE}.us-east-1.maas.aliyuncs.com/v1`,
      `https://${WORKSPACE}.us-east-1.maas.aliyuncs.com/compatible-mode/v1`,
    ],
  ])("another path on a Model Studio host (%s) warns that it is not native", (baseUrl, meant) => {
    const resolved = resolve({ baseUrl, apiKey: STANDARD_KEY });
    expect(resolved.endpoint.native).toBe(false);
    expect(resolved.warnings.map((w) => w.code)).toEqual(["base-url-path"]);
    expect(resolved.warnings[0]?.message).toContain(`Did you mean ${meant}?`);
  });

  it("other paths on other hosts pass silently", () => {
    expect(codes({ baseUrl: "https://gateway.example/api/v1", apiKey: STANDARD_KEY })).toEqual([]);
  });
});
