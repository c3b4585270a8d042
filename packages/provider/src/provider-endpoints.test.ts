import { AUTH_CHOICES, authChoiceFor } from "@qwenkit/core";
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

describe("a custom base URL in front of DashScope (standalone mock on 127.0.0.1)", () => {
  let server: DashscopeMockServer;
  beforeAll(async () => {
    server = await startDashscopeMockServer();
  });
  afterEach(() => server.recorder.clear());
  afterAll(() => server.close());

  const request = {
    messages: [
      { role: "developer" as const, content: "Be brief." },
      { role: "user" as const, content: "Hello" },
    ],
    max_tokens: 30,
  };
  const make = (options: { shapeRequests?: "auto" | "always"; streamingUsage?: boolean } = {}) =>
    createQwenProvider({
      baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
      apiKey: KEYS.standard,
      env: {},
      maxRetries: 0,
      ...options,
    });
  const sent = () => server.recorder.last()?.body as Record<string, unknown>;

  it("is not native, so requests are left alone by default (and DashScope rejects the developer role)", async () => {
    const qwen = make();
    expect(qwen.config.endpoint.native).toBe(false);
    const error = await failure(qwen.stream(request).result);
    expect(error).toMatchObject({ kind: "invalid-request", status: 400 });
    expect(sent()).toMatchObject({ max_tokens: 30, messages: [{ role: "developer" }, { role: "user" }] });
    expect(sent()).not.toHaveProperty("stream_options");
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
