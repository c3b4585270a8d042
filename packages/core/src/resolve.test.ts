import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type ResolveQwenConfigOptions, resolveQwenConfig } from "./resolve.js";
import { errorOf } from "./test-utils/error-of.js";
import type { QwenWarningCode } from "./warnings.js";

const STANDARD_KEY = "sk-0123456789abcdef0123456789ab1234";
const CODING_KEY = "sk-sp-0123456789abcdef0123456789ab5678";
const ODD_KEY = "tok_0123456789abcdef0123456789ab9999";

const URLS = {
  standardChina: "https://dashscope.aliyuncs.com/compatible-mode/v1",
  standardGlobal: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  codingChina: "https://coding.dashscope.aliyuncs.com/v1",
  codingGlobal: "https://coding-intl.dashscope.aliyuncs.com/v1",
  standardUs: "https://dashscope-us.aliyuncs.com/compatible-mode/v1",
  standardHongKong: "https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1",
  tokenChina: "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
  tokenGlobal: "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
} as const;

const dir = mkdtempSync(join(tmpdir(), "qwenkit-resolve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

function resolve(options: ResolveQwenConfigOptions) {
  return resolveQwenConfig({ env: {}, ...options });
}

function codes(options: ResolveQwenConfigOptions): QwenWarningCode[] {
  return resolve(options).warnings.map((w) => w.code);
}

describe("auth choices", () => {
  it.each([
    ["qwen-standard-api-key-cn", STANDARD_KEY, URLS.standardChina, "dashscope", "standard", "cn-beijing"],
    ["qwen-standard-api-key", STANDARD_KEY, URLS.standardGlobal, "dashscope", "standard", "ap-southeast-1"],
    ["qwen-api-key-cn", CODING_KEY, URLS.codingChina, "coding-plan", "coding", "cn-beijing"],
    ["qwen-api-key", CODING_KEY, URLS.codingGlobal, "coding-plan", "coding", "ap-southeast-1"],
    ["qwen-token-plan-api-key-cn", CODING_KEY, URLS.tokenChina, "token-plan", "token", "cn-beijing"],
    ["qwen-token-plan-api-key", CODING_KEY, URLS.tokenGlobal, "token-plan", "token", "ap-southeast-1"],
  ] as const)("%s selects %s", (authChoice, apiKey, baseUrl, family, plan, region) => {
    const resolved = resolve({ authChoice, apiKey });
    expect(resolved.authChoice).toBe(authChoice);
    expect(resolved.endpoint).toEqual({
      baseUrl,
      native: true,
      family,
      plan,
      region,
      workspaceId: undefined,
      source: "auth-choice",
    });
    expect(resolved.capabilities.native).toBe(true);
    expect(resolved.warnings).toEqual([]);
  });

  it.each([
    ["modelstudio-standard-api-key-cn", "qwen-standard-api-key-cn", STANDARD_KEY, URLS.standardChina],
    ["modelstudio-standard-api-key", "qwen-standard-api-key", STANDARD_KEY, URLS.standardGlobal],
    ["modelstudio-api-key-cn", "qwen-api-key-cn", CODING_KEY, URLS.codingChina],
    ["modelstudio-api-key", "qwen-api-key", CODING_KEY, URLS.codingGlobal],
  ])("legacy %s works as %s, with a deprecation warning", (legacy, canonical, apiKey, baseUrl) => {
    const resolved = resolve({ authChoice: legacy, apiKey });
    expect(resolved.authChoice).toBe(canonical);
    expect(resolved.endpoint.baseUrl).toBe(baseUrl);
    expect(resolved.warnings).toEqual([
      { code: "deprecated-auth-choice", message: expect.stringContaining(canonical) },
    ]);
  });

  it("rejects an unknown auth choice, listing the valid ones", () => {
    const error = errorOf(() => resolve({ authChoice: "qwen-coding", apiKey: CODING_KEY }));
    expect(error.kind).toBe("unknown-auth-choice");
    expect(error.message).toContain("qwen-api-key-cn");
  });
});

describe("plan inferred from the key when neither auth choice nor base URL is given", () => {
  it.each([
    [
      "a subscription key (a guess, said so)",
      CODING_KEY,
      URLS.codingGlobal,
      "coding",
      "key-prefix",
      ["subscription-plan-guessed"],
    ],
    ["a Standard key", STANDARD_KEY, URLS.standardGlobal, "standard", "key-prefix", []],
    [
      "a key of unknown format",
      ODD_KEY,
      URLS.standardGlobal,
      "standard",
      "default",
      ["unrecognized-key-format"],
    ],
  ] as const)("%s → %s", (_label, apiKey, baseUrl, plan, source, warnings) => {
    const resolved = resolve({ apiKey });
    expect(resolved.endpoint).toMatchObject({ baseUrl, plan, region: "ap-southeast-1", source });
    expect(resolved.authChoice).toBeUndefined();
    expect(resolved.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it("the auth choice wins over the key prefix (and the mismatch is reported)", () => {
    const resolved = resolve({ authChoice: "qwen-standard-api-key", apiKey: CODING_KEY });
    expect(resolved.endpoint).toMatchObject({ baseUrl: URLS.standardGlobal, source: "auth-choice" });
    expect(resolved.warnings.map((w) => w.code)).toEqual(["key-plan-mismatch"]);
  });
});

describe("base URL", () => {
  it.each([
    ["US", URLS.standardUs, "standard", "us-east-1"],
    ["Hong Kong", URLS.standardHongKong, "standard", "cn-hongkong"],
    ["China Coding Plan", "HTTPS://Coding.DashScope.aliyuncs.com/v1/", "coding", "cn-beijing"],
  ] as const)(
    "a custom base URL on a native host (%s) keeps native plan and region",
    (_l, baseUrl, plan, region) => {
      const apiKey = plan === "coding" ? CODING_KEY : STANDARD_KEY;
      const resolved = resolve({ baseUrl, apiKey });
      expect(resolved.endpoint).toMatchObject({ native: true, plan, region, source: "base-url" });
      expect(resolved.capabilities.native).toBe(true);
    },
  );

  it("a custom non-native base URL is normalized and has no plan or region", () => {
    const resolved = resolve({ baseUrl: "  gateway.example.com/qwen/v1/?x=1 ", apiKey: STANDARD_KEY });
    expect(resolved.endpoint).toEqual({
      baseUrl: "https://gateway.example.com/qwen/v1",
      native: false,
      family: undefined,
      plan: undefined,
      region: undefined,
      workspaceId: undefined,
      source: "base-url",
    });
    expect(resolved.capabilities).toMatchObject({
      native: false,
      streamingUsage: false,
      // A gateway in front of DashScope rejects developer; every OpenAI-compatible server takes system.
      developerRole: false,
    });
  });

  it("overrides the auth choice, with a warning naming both", () => {
    const resolved = resolve({
      authChoice: "qwen-api-key",
      baseUrl: "https://gateway.example/v1",
      apiKey: CODING_KEY,
    });
    expect(resolved.endpoint.baseUrl).toBe("https://gateway.example/v1");
    expect(resolved.authChoice).toBe("qwen-api-key");
    expect(resolved.warnings).toEqual([
      {
        code: "auth-choice-overridden",
        message: expect.stringMatching(/gateway\.example\/v1.*qwen-api-key.*coding-intl/),
      },
    ]);
  });

  it("does not warn when the base URL is the auth choice's own endpoint", () => {
    expect(
      codes({ authChoice: "qwen-api-key", baseUrl: `${URLS.codingGlobal}/`, apiKey: CODING_KEY }),
    ).toEqual([]);
  });

  it.each([
    [
      "option > config > auth choice",
      { baseUrl: "https://option.example/v1" },
      "https://option.example/v1",
      "base-url",
    ],
    ["config > auth choice", {}, "https://config.example/v1", "config"],
  ] as const)("precedence: %s", (_label, extra, baseUrl, source) => {
    const resolved = resolve({
      ...extra,
      authChoice: "qwen-standard-api-key",
      apiKey: STANDARD_KEY,
      config: { models: { providers: { modelstudio: { baseUrl: "config.example/v1" } } } },
    });
    expect(resolved.endpoint).toMatchObject({ baseUrl, source });
    expect(resolved.warnings.map((w) => w.code)).toEqual(["auth-choice-overridden"]);
  });

  it("treats a blank base URL as not given", () => {
    expect(resolve({ baseUrl: "  ", apiKey: STANDARD_KEY }).endpoint.source).toBe("key-prefix");
  });

  it.each([
    ["ftp://dashscope.aliyuncs.com/compatible-mode/v1"],
    ["https://"],
    ["https://user:pw@gateway.example/v1"],
  ])("rejects malformed %j", (baseUrl) => {
    expect(errorOf(() => resolve({ baseUrl, apiKey: STANDARD_KEY })).kind).toBe("invalid-base-url");
  });

  it.each([
    ["option", { baseUrl: "http://gateway.internal/v1" }],
    ["config", { config: { models: { providers: { qwen: { baseUrl: "http://gateway.internal/v1" } } } } }],
    ["native host over http", { baseUrl: "http://dashscope-intl.aliyuncs.com/compatible-mode/v1" }],
  ])("refuses plain http to a non-loopback host (%s)", (_label, options) => {
    const error = errorOf(() => resolve({ ...options, apiKey: STANDARD_KEY }));
    expect(error.kind).toBe("insecure-base-url");
    expect(error.hint).toContain("allowInsecureHttp");
  });

  it("allows plain http on opt-in, with a warning, and then it is not native", () => {
    const resolved = resolve({
      baseUrl: "http://dashscope-intl.aliyuncs.com/compatible-mode/v1",
      allowInsecureHttp: true,
      apiKey: STANDARD_KEY,
    });
    expect(resolved.warnings.map((w) => w.code)).toEqual(["insecure-http"]);
    expect(resolved.endpoint.native).toBe(false);
  });

  it.each(["http://127.0.0.1:4010/v1", "http://localhost:4010/v1", "http://[::1]:4010/v1"])(
    "allows plain http to loopback %s without a warning",
    (baseUrl) => {
      expect(codes({ baseUrl, apiKey: STANDARD_KEY })).toEqual([]);
    },
  );
});

describe("key and plan", () => {
  it.each([
    ...["qwen-standard-api-key", "qwen-standard-api-key-cn"].map(
      (choice) =>
        [
          `subscription key on ${choice}`,
          choice,
          CODING_KEY,
          /is a subscription key \(Coding Plan or Token Plan, sk-sp-\), but .* is a Pay-as-you-go endpoint.*, or a Pay-as-you-go key\.$/,
        ] as const,
    ),
    ...["qwen-api-key", "qwen-api-key-cn", "qwen-token-plan-api-key", "qwen-token-plan-api-key-cn"].map(
      (choice) =>
        [
          `Pay-as-you-go key on ${choice}`,
          choice,
          STANDARD_KEY,
          /is a Pay-as-you-go key \(sk-, not sk-sp-\), but .* is a (Coding|Token) Plan endpoint.*, or a \1 Plan key\.$/,
        ] as const,
    ),
  ])("warns before any request: %s", (_label, authChoice, apiKey, message) => {
    const [warning, ...rest] = resolve({ authChoice, apiKey }).warnings;
    expect(rest).toEqual([]);
    expect(warning?.code).toBe("key-plan-mismatch");
    expect(warning?.message).toMatch(message);
    expect(warning?.message).toContain("the apiKey option");
  });

  it("checks a custom base URL that is native, too", () => {
    expect(codes({ baseUrl: URLS.standardUs, apiKey: CODING_KEY })).toEqual(["key-plan-mismatch"]);
  });

  it("does not judge keys for a non-native URL", () => {
    expect(codes({ baseUrl: "https://gateway.example/v1", apiKey: CODING_KEY })).toEqual([]);
  });

  it("warns about a key that does not start with sk-", () => {
    expect(codes({ authChoice: "qwen-standard-api-key", apiKey: ODD_KEY })).toEqual([
      "unrecognized-key-format",
    ]);
  });
});

describe("API key sources", () => {
  it("reports where the key came from", () => {
    const resolved = resolve({ env: { QWEN_API_KEY: " ", DASHSCOPE_API_KEY: STANDARD_KEY } });
    expect(resolved.keySource).toEqual({ kind: "env", variable: "DASHSCOPE_API_KEY" });
    expect(resolved.apiKey.reveal()).toBe(STANDARD_KEY);
  });

  it("reads env files when asked, and infers the plan from that key", () => {
    const path = join(dir, "daemon.env");
    writeFileSync(path, `MODELSTUDIO_API_KEY=${CODING_KEY}\n`);
    const resolved = resolve({ envFiles: [join(dir, "absent.env"), path] });
    expect(resolved.keySource).toEqual({ kind: "env-file", variable: "MODELSTUDIO_API_KEY", path });
    expect(resolved.endpoint).toMatchObject({ plan: "coding", source: "key-prefix" });
  });

  it("takes the config's key over the environment, and infers the plan from it", () => {
    const config = { models: { providers: { modelstudio: { apiKey: ` ${CODING_KEY} ` } } } };
    const resolved = resolve({ config, env: { QWEN_API_KEY: STANDARD_KEY } });
    expect(resolved.keySource).toEqual({
      kind: "config",
      path: "config.models.providers.modelstudio.apiKey",
    });
    expect(resolved.apiKey.reveal()).toBe(CODING_KEY);
    expect(resolved.endpoint).toMatchObject({ plan: "coding", source: "key-prefix" });
  });

  it("lets the apiKey option win over the config's key", () => {
    const config = { models: { providers: { qwen: { apiKey: CODING_KEY } } } };
    const resolved = resolve({ config, apiKey: STANDARD_KEY });
    expect(resolved.keySource).toEqual({ kind: "option" });
    expect(resolved.apiKey.reveal()).toBe(STANDARD_KEY);
  });

  it("skips a blank config key", () => {
    const config = { models: { providers: { qwen: { apiKey: "  " } } } };
    expect(resolve({ config, env: { QWEN_API_KEY: STANDARD_KEY } }).keySource).toEqual({
      kind: "env",
      variable: "QWEN_API_KEY",
    });
  });

  it("defaults env to process.env", () => {
    vi.stubEnv("QWEN_API_KEY", CODING_KEY);
    expect(resolveQwenConfig().keySource).toEqual({ kind: "env", variable: "QWEN_API_KEY" });
  });

  it("fails with the list of what it tried when there is no key", () => {
    const error = errorOf(() => resolve({ authChoice: "qwen-api-key", envFiles: [join(dir, "none.env")] }));
    expect(error.kind).toBe("missing-api-key");
    expect(error.message).toContain("QWEN_API_KEY, MODELSTUDIO_API_KEY, DASHSCOPE_API_KEY");
    expect(error.message).toContain(join(dir, "none.env"));
  });

  it("reports a bad auth choice before a missing key", () => {
    expect(errorOf(() => resolve({ authChoice: "nope" })).kind).toBe("unknown-auth-choice");
  });
});

describe("model", () => {
  it("defaults to qwen/qwen3.5-plus with its catalog info", () => {
    const { model } = resolve({ apiKey: STANDARD_KEY });
    expect(model).toMatchObject({ provider: "qwen", modelId: "qwen3.5-plus", ref: "qwen/qwen3.5-plus" });
    expect(model.info).toMatchObject({ known: true, contextWindow: 1_000_000, input: ["text", "image"] });
  });

  it.each([
    ["option wins", { model: "modelstudio/glm-5" }, "glm-5"],
    ["then the config primary", {}, "MiniMax-M2.5"],
    ["a blank option counts as not given", { model: " " }, "MiniMax-M2.5"],
  ])("precedence: %s", (_label, extra, modelId) => {
    const config = { agents: { defaults: { model: { primary: "dashscope/MiniMax-M2.5" } } } };
    expect(resolve({ ...extra, config, apiKey: STANDARD_KEY }).model.modelId).toBe(modelId);
  });

  it("ignores a config primary that belongs to another provider", () => {
    const config = { agents: { defaults: { model: { primary: "openai/gpt-5" } } } };
    expect(resolve({ config, apiKey: STANDARD_KEY }).model.ref).toBe("qwen/qwen3.5-plus");
  });

  it("reports an invalid config primary with its path", () => {
    const config = { agents: { defaults: { model: { primary: "qwen/" } } } };
    const error = errorOf(() => resolve({ config, apiKey: STANDARD_KEY }));
    expect(error.kind).toBe("invalid-model-ref");
    expect(error.message).toContain("config.agents.defaults.model.primary");
  });

  it("rejects another provider's ref given as the model option", () => {
    const error = errorOf(() => resolve({ model: "openai/gpt-5", apiKey: STANDARD_KEY }));
    expect(error.kind).toBe("foreign-model-ref");
    expect(error.message).toContain('"openai"');
  });

  it("accepts a model outside the catalog with default limits", () => {
    expect(resolve({ model: "qwen-next-x", apiKey: STANDARD_KEY }).model.info).toMatchObject({
      id: "qwen-next-x",
      known: false,
      contextWindow: 262_144,
      maxOutputTokens: 65_536,
      input: ["text"],
    });
  });
});

describe("Coding Plan model availability", () => {
  it.each([
    ["qwen-api-key", /"qwen-standard-api-key" \(another region: "qwen-standard-api-key-cn"\) with/],
    ["qwen-api-key-cn", /"qwen-standard-api-key-cn" \(another region: "qwen-standard-api-key"\) with/],
  ])("qwen3.7-max on %s recommends the Pay-as-you-go auth choice of the region", (authChoice, advice) => {
    const [warning, ...rest] = resolve({
      authChoice,
      model: "qwen/qwen3.7-max",
      apiKey: CODING_KEY,
    }).warnings;
    expect(rest).toEqual([]);
    expect(warning?.code).toBe("model-not-in-plan");
    expect(warning?.message).toContain('"qwen3.7-max"');
    expect(warning?.message).toContain('"coding-2026-11" (as of 2026-11)');
    expect(warning?.message).toMatch(advice);
  });

  it("the seed's qwen3.6-plus advice stays reproducible with the March 2026 list", () => {
    const options = { authChoice: "qwen-api-key", model: "qwen3.6-plus", apiKey: CODING_KEY };
    expect(codes(options)).toEqual([]);
    const [warning] = resolve({ ...options, codingPlanModels: "coding-2026-03" }).warnings;
    expect(warning?.code).toBe("model-not-in-plan");
    expect(warning?.message).toContain('"coding-2026-03" (as of 2026-03)');
    expect(warning?.message).toContain('"qwen-standard-api-key"');
  });

  it.each(["qwen3.5-plus", "qwen3.6-plus", "qwen3-coder-next", "MiniMax-M2.5", "kimi-k2.5"])(
    "%s on the Coding Plan is fine",
    (model) => {
      expect(codes({ authChoice: "qwen-api-key", model, apiKey: CODING_KEY })).toEqual([]);
    },
  );

  it("warns for a model outside the catalog too, and only on Coding Plan endpoints", () => {
    expect(codes({ authChoice: "qwen-api-key", model: "qwen-next-x", apiKey: CODING_KEY })).toEqual([
      "model-not-in-plan",
    ]);
    expect(
      codes({ authChoice: "qwen-standard-api-key", model: "qwen3.7-max", apiKey: STANDARD_KEY }),
    ).toEqual([]);
    expect(
      codes({ baseUrl: "https://gateway.example/v1", model: "qwen3.7-max", apiKey: CODING_KEY }),
    ).toEqual([]);
  });

  it("uses codingPlanModels when given", () => {
    const options = { authChoice: "qwen-api-key", apiKey: CODING_KEY, codingPlanModels: ["qwen3.6-plus"] };
    expect(codes({ ...options, model: "qwen3.6-plus" })).toEqual([]);
    expect(codes({ ...options, model: "qwen3.5-plus" })).toEqual(["model-not-in-plan"]);
  });
});

describe("a plan model spelled in the wrong case", () => {
  it.each([
    ["minimax-m2.5", "MiniMax-M2.5"],
    ["Qwen3.5-Plus", "qwen3.5-plus"],
  ])("%s on the Coding Plan: did you mean %s, not a switch to Pay-as-you-go", (model, meant) => {
    const [warning, ...rest] = resolve({ authChoice: "qwen-api-key", model, apiKey: CODING_KEY }).warnings;
    expect(rest).toEqual([]);
    expect(warning?.code).toBe("model-not-in-plan");
    expect(warning?.message).toContain(`Did you mean "${meant}"?`);
    expect(warning?.message).not.toContain("qwen-standard-api-key");
  });

  it("a model near a listed one but not a case variant keeps the switch advice", () => {
    const [warning] = resolve({
      authChoice: "qwen-api-key",
      model: "qwen3.7-plus",
      apiKey: CODING_KEY,
    }).warnings;
    expect(warning?.message).not.toContain("Did you mean");
    expect(warning?.message).toContain("qwen-standard-api-key");
  });
});

describe("streaming usage", () => {
  const config = (value: boolean) => ({
    models: {
      providers: { qwen: { models: [{ id: "glm-5", compat: { supportsUsageInStreaming: value } }] } },
    },
  });

  it.each([
    ["detected on a native host", {}, "qwen-standard-api-key", true],
    ["config off beats detection", { config: config(false) }, "qwen-standard-api-key", false],
    [
      "option on beats config off",
      { config: config(false), streamingUsage: true },
      "qwen-standard-api-key",
      true,
    ],
    ["option off beats detection", { streamingUsage: false }, "qwen-standard-api-key", false],
  ] as const)("%s", (_label, extra, authChoice, expected) => {
    expect(
      resolve({ ...extra, authChoice, model: "glm-5", apiKey: STANDARD_KEY }).capabilities.streamingUsage,
    ).toBe(expected);
  });

  it("applies a config setting only to its own model", () => {
    const resolved = resolve({ config: config(false), model: "glm-4.7", apiKey: STANDARD_KEY });
    expect(resolved.capabilities.streamingUsage).toBe(true);
  });

  it("turns it on for a custom URL when the config says so", () => {
    const resolved = resolve({
      config: config(true),
      baseUrl: "https://gateway.example/v1",
      model: "glm-5",
      apiKey: STANDARD_KEY,
    });
    expect(resolved.capabilities).toMatchObject({ native: false, streamingUsage: true });
  });

  it("does not mistake an Object.prototype name for a model setting", () => {
    const resolved = resolve({ config: config(false), model: "constructor", apiKey: STANDARD_KEY });
    expect(resolved.capabilities.streamingUsage).toBe(true);
  });
});

describe("provider id", () => {
  it.each(["qwen", "modelstudio", "QwenCloud", " dashscope ", ""])("accepts %j", (providerId) => {
    expect(resolve({ providerId, apiKey: STANDARD_KEY }).providerId).toBe("qwen");
  });

  it("rejects a custom id, pointing at baseUrl", () => {
    const error = errorOf(() => resolve({ providerId: "bailian", apiKey: STANDARD_KEY }));
    expect(error.kind).toBe("unknown-provider-id");
    expect(error.message).toContain('"bailian"');
    expect(error.message).toContain('"qwen-token-plan"');
    expect(error.message).not.toContain("Did you mean");
    expect(error.hint).toContain("baseUrl");
  });

  it.each([
    ["dashcope", "dashscope"],
    ["qwne", "qwen"],
    ["ModelStudoi", "modelstudio"],
  ])("suggests the id %s was meant to be (%s)", (providerId, meant) => {
    const error = errorOf(() => resolve({ providerId, apiKey: STANDARD_KEY }));
    expect(error.message).toContain(`Did you mean "${meant}"?`);
  });
});

describe("bad input", () => {
  it.each([
    ["providerId", { providerId: 1 }, "providerId must be a string"],
    ["authChoice", { authChoice: ["qwen-api-key"] }, "authChoice must be a string"],
    ["baseUrl", { baseUrl: new URL("https://x.example") }, "baseUrl must be a string"],
    ["model", { model: {} }, "model must be a string"],
    ["allowInsecureHttp", { allowInsecureHttp: "true" }, "allowInsecureHttp must be true or false"],
    ["streamingUsage", { streamingUsage: 1 }, "streamingUsage must be true or false"],
    ["codingPlanModels", { codingPlanModels: 5 }, "codingPlanModels must be an array of strings"],
    ["codingPlanModels id", { codingPlanModels: "token-2026-11" }, "is not a model list of the Coding Plan"],
    ["tokenPlanModels", { tokenPlanModels: ["a", 1] }, "tokenPlanModels must be an array of strings"],
    ["plan", { plan: "enterprise" }, 'Unknown plan "enterprise"'],
    ["plan type", { plan: 1 }, "plan must be a string"],
    ["region", { region: "china" }, 'Unknown region "china"'],
    ["workspaceId", { workspaceId: 7 }, "workspaceId must be a string"],
    ["config", { config: "agents" }, "config must be an object"],
    ["env", { env: [] }, "env must be an object"],
  ])("rejects a wrong %s", (_label, options, message) => {
    const error = errorOf(() => resolveQwenConfig({ apiKey: STANDARD_KEY, ...(options as object) }));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(message);
  });

  it.each([null, "nope", 5])("rejects options that are not an object (%j)", (options) => {
    const error = errorOf(() => resolveQwenConfig(options as never));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain("options must be an object");
  });

  it.each([
    ["base URL", { baseUrl: `https://gateway.example/${STANDARD_KEY}` }],
    [
      "base URL (host, lower-cased)",
      { baseUrl: `${ODD_KEY.toUpperCase()}.example`, apiKey: ODD_KEY.toUpperCase() },
    ],
    ["model", { model: `qwen/${STANDARD_KEY}` }],
  ])("refuses a key pasted into the %s", (field, options) => {
    const error = errorOf(() => resolve({ apiKey: STANDARD_KEY, ...options }));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(field.split(" (")[0]);
  });
});
