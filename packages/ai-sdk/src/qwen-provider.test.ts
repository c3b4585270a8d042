import { NoSuchModelError } from "@ai-sdk/provider";
import { QwenConfigError } from "@qwenkit/core";
import { generateText } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQwen } from "./index.js";
import { ENDPOINT_PER_FAMILY, KEYS, settingsFor } from "./test-utils/endpoints.js";
import { useDashscopeMock } from "./test-utils/mock.js";

const mock = useDashscopeMock();
const KEY_VARIABLES = ["QWEN_API_KEY", "MODELSTUDIO_API_KEY", "DASHSCOPE_API_KEY"] as const;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const codingPlan = ENDPOINT_PER_FAMILY.find((endpoint) => endpoint.family === "coding-plan");
if (codingPlan === undefined) throw new Error("no Coding Plan endpoint");

describe("createQwen", () => {
  it.each([
    { name: "no key", settings: { env: {} }, kind: "missing-api-key" },
    {
      name: "plain http to a remote host",
      settings: { baseUrl: "http://llm-gateway.example.com/v1", apiKey: KEYS.standard, env: {} },
      kind: "insecure-base-url",
    },
    {
      name: "a negative timeout",
      settings: { apiKey: KEYS.standard, env: {}, timeout: -1 },
      kind: "invalid-option",
    },
    {
      name: "a fractional maxRetries",
      settings: { apiKey: KEYS.standard, env: {}, maxRetries: 1.5 },
      kind: "invalid-option",
    },
  ])("fails with QwenConfigError for $name, before any request", ({ settings, kind }) => {
    const create = () => createQwen(settings);
    expect(create).toThrow(QwenConfigError);
    expect(create).toThrow(expect.objectContaining({ kind }));
    expect(mock.recorder.requests).toEqual([]);
  });

  it("makes v4 chat models that call themselves qwen.chat, ids as DashScope spells them", () => {
    const qwen = createQwen(settingsFor(codingPlan));
    const model = qwen("modelstudio/MiniMax-M2.5");
    expect(model).toMatchObject({
      specificationVersion: "v4",
      provider: "qwen.chat",
      modelId: "MiniMax-M2.5",
    });
    expect(qwen.languageModel("glm-5").modelId).toBe("glm-5");
    expect(qwen.specificationVersion).toBe("v4");
  });

  it("gives the configured model without an id", () => {
    const qwen = createQwen({ ...settingsFor(codingPlan), model: "qwen/kimi-k2.5" });
    expect(qwen().modelId).toBe("kimi-k2.5");
    expect(qwen.languageModel().modelId).toBe("kimi-k2.5");
  });

  it("resolves each model for itself: a model outside the plan gets the plan warning, on every call", async () => {
    const qwen = createQwen(settingsFor(codingPlan));
    expect(qwen("qwen3.5-plus").config.warnings).toEqual([]);
    const outside = qwen("qwen3.7-max");
    expect(outside.config.warnings.map((warning) => warning.code)).toEqual(["model-not-in-plan"]);
    mock.useFaults({ fault: { type: "error", error: "model-not-in-plan" } });
    await expect(generateText({ model: outside, prompt: "Hi", maxRetries: 0 })).rejects.toMatchObject({
      data: { kind: "model-not-in-plan" },
    });
  });

  it("reuses the resolution of a model id it has seen", () => {
    const qwen = createQwen(settingsFor(codingPlan));
    expect(qwen("glm-5").config).toBe(qwen("glm-5").config);
    expect(qwen("glm-5").config).not.toBe(qwen("glm-4.7").config);
  });

  it.each([
    ["embeddingModel", (qwen: ReturnType<typeof createQwen>) => qwen.embeddingModel("text-embedding-v4")],
    ["imageModel", (qwen: ReturnType<typeof createQwen>) => qwen.imageModel("wan2.5-t2i")],
  ] as const)("has no %s (NoSuchModelError)", (modelType, create) => {
    const qwen = createQwen(settingsFor(codingPlan));
    expect(() => create(qwen)).toThrow(NoSuchModelError);
    try {
      create(qwen);
    } catch (error) {
      expect(error).toMatchObject({ modelType });
    }
  });
});

describe("the default qwen", () => {
  it("reads nothing when imported, and the environment's key when first used", async () => {
    for (const variable of KEY_VARIABLES) vi.stubEnv(variable, "");
    const { qwen } = await import("./index.js");
    // A fresh module graph: its QwenConfigError is another class object than the one imported here.
    expect(() => qwen("qwen3.5-plus")).toThrow(
      expect.objectContaining({ name: "QwenConfigError", kind: "missing-api-key" }),
    );
    vi.stubEnv("QWEN_API_KEY", KEYS.standard);
    const model = qwen("qwen3.5-plus");
    expect(model.config.endpoint.baseUrl).toBe("https://dashscope-intl.aliyuncs.com/compatible-mode/v1");
    expect(model.config.keySource).toEqual({ kind: "env", variable: "QWEN_API_KEY" });
    const { text } = await generateText({ model, prompt: "Hi", maxRetries: 0 });
    expect(text.length).toBeGreaterThan(0);
  });

  it("has no other model types, without resolving anything", async () => {
    for (const variable of KEY_VARIABLES) vi.stubEnv(variable, "");
    const { qwen } = await import("./index.js");
    expect(() => qwen.embeddingModel("text-embedding-v4")).toThrow(NoSuchModelError);
  });
});
