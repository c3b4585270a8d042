import { AUTH_CHOICES, endpointFor } from "@qwenkit/core";
import { authChoiceFor, ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS } from "@qwenkit/core/advanced";
import {
  createDashscopeMockHandler,
  type DashscopeMockServer,
  startDashscopeMockServer,
} from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { QwenApiError } from "./errors/qwen-api-error.js";
import { createQwenProvider } from "./provider.js";
import { failure, HOSTS, KEYS } from "./test-utils/hosts.js";

const hello = [{ role: "user" as const, content: "Hello" }];

describe("the Coding Plan client gate (mock handler as the provider's fetch)", () => {
  const handler = createDashscopeMockHandler({ codingPlanClientGate: true });
  const fetch = (input: string | URL | Request, init?: RequestInit) =>
    handler.handle(new Request(input, init));
  afterEach(() => handler.reset());

  describe.each(HOSTS.filter((host) => host.plan === "coding"))("$name", (host) => {
    const make = (defaultHeaders?: Record<string, string>) =>
      createQwenProvider({
        authChoice: host.authChoice,
        apiKey: KEYS.coding,
        env: {},
        fetch,
        defaultHeaders,
      });

    it("answers 405 to a client that is not a coding agent, with a hint towards Standard", async () => {
      const error = await failure(make().chat({ messages: hello }));
      expect(error).toBeInstanceOf(QwenApiError);
      expect(error).toMatchObject({ kind: "coding-plan-client-gate", status: 405, retryable: false });
      const region = AUTH_CHOICES[host.authChoice].region;
      expect((error as QwenApiError).hint).toMatch(/Coding Plan is only for interactive coding tools/);
      expect((error as QwenApiError).hint).toContain(`"${authChoiceFor("standard", region)}"`);
      expect(handler.recorder.requests).toHaveLength(1);
    });

    it("lets a coding agent through (user-agent from defaultHeaders)", async () => {
      const result = await make({ "user-agent": "openclaw/2026.3" }).stream({ messages: hello }).result;
      expect(result.finishReason).toBe("stop");
      expect(handler.recorder.last()?.headers["user-agent"]).toBe("openclaw/2026.3");
    });
  });
});

describe("a custom base URL in front of DashScope (a gateway that forwards to the mock)", () => {
  const handler = createDashscopeMockHandler();
  afterEach(() => handler.reset());
  const GATEWAY = "https://llm-gateway.example/qwen/v1";
  // The gateway forwards its path to the Global host, as a proxy in front of DashScope would.
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input).replace(
      GATEWAY,
      "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    );
    return handler.handle(new Request(url, init));
  };

  const request = {
    messages: [
      { role: "developer" as const, content: "Be brief." },
      { role: "user" as const, content: "Hello" },
    ],
    max_tokens: 30,
  };
  const make = (options: { shapeRequests?: "auto" | "always"; streamingUsage?: boolean } = {}) =>
    createQwenProvider({
      baseUrl: GATEWAY,
      apiKey: KEYS.standard,
      env: {},
      maxRetries: 0,
      fetch,
      ...options,
    });
  const sent = () => handler.recorder.last()?.body as Record<string, unknown>;

  it("is not native, so OpenAI fields are left alone, except developer, which goes as system", async () => {
    const qwen = make();
    expect(qwen.config.endpoint.native).toBe(false);
    const result = await qwen.stream(request).result;
    expect(sent()).toMatchObject({ max_tokens: 30, messages: [{ role: "system" }, { role: "user" }] });
    expect(sent()).not.toHaveProperty("stream_options");
    expect(result.usage).toBeUndefined();
  });

  it("applies the native rules with shapeRequests: always, and gets usage on the stream", async () => {
    const result = await make({ shapeRequests: "always" }).stream(request).result;
    expect(sent()).toMatchObject({
      max_completion_tokens: 30,
      messages: [{ role: "system" }, { role: "user" }],
      stream_options: { include_usage: true },
    });
    expect(result.usage).toBeDefined();
  });

  it("requests streaming usage on a custom URL when streamingUsage says so", async () => {
    const result = await make({ streamingUsage: true }).stream({ messages: hello }).result;
    expect(sent()).toMatchObject({ stream_options: { include_usage: true } });
    expect(result.usage).toBeDefined();
  });
});

describe("the quick start against the standalone mock: its layout on 127.0.0.1 is the host itself", () => {
  let server: DashscopeMockServer;
  beforeAll(async () => {
    server = await startDashscopeMockServer();
  });
  afterEach(() => server.recorder.clear());
  afterAll(() => server.close());

  const ENDPOINTS = ENDPOINT_FAMILY_IDS.flatMap((family) =>
    ENDPOINT_FAMILIES[family].regions.map((region) =>
      endpointFor({ family, region, workspaceId: family === "workspace" ? "llm-quickstart" : undefined }),
    ),
  );

  it.each(ENDPOINTS)("$host: native, no 400 on a plain chat, usage on the stream", async (endpoint) => {
    const qwen = createQwenProvider({
      baseUrl: server.baseUrlFor(endpoint),
      apiKey: endpoint.plan === "standard" ? KEYS.standard : KEYS.coding,
      env: {},
      maxRetries: 0,
    });
    expect(qwen.config.endpoint).toMatchObject({
      native: true,
      family: endpoint.family,
      plan: endpoint.plan,
      region: endpoint.region,
    });
    expect(qwen.config.warnings).toEqual([]);
    // qwen3.5-plus thinks by default; a non-streaming call needs enable_thinking: false, which
    // native shaping sends (a custom URL would get the 400 of the seed's issue).
    const answer = await qwen.chat({ messages: hello });
    expect(answer.text.length).toBeGreaterThan(0);
    expect(server.recorder.last()?.body).toMatchObject({ enable_thinking: false });
    const streamed = await qwen.stream({ messages: hello }).result;
    expect(server.recorder.last()?.body).toMatchObject({ stream_options: { include_usage: true } });
    expect(streamed.usage?.totalTokens).toBeGreaterThan(0);
  });

  it("a Pay-as-you-go key on the mock's Coding Plan host gets the key/plan warning before any request", () => {
    const qwen = createQwenProvider({
      baseUrl: server.baseUrlFor("coding-intl.dashscope.aliyuncs.com"),
      apiKey: KEYS.standard,
      env: {},
    });
    expect(qwen.config.warnings.map((warning) => warning.code)).toEqual(["key-plan-mismatch"]);
  });
});
