import { PLAN_MODEL_LISTS } from "@qwenkit/core";
import { mockBaseUrl } from "@qwenkit/core/advanced";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashscopeHandlers } from "./handlers.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import type { DashscopeMockOptions } from "./options.js";
import { startDashscopeMockServer } from "./server.js";
import {
  ALL_HOSTS,
  CODING_KEY,
  chatRequest,
  STANDARD_KEY,
  streamed,
  WORKSPACE_ID,
} from "./test-utils/hosts.js";

const BODY = streamed("qwen3.5-plus");
const models = (baseUrl: string, key: string) =>
  new Request(`${baseUrl}/models`, { headers: { authorization: `Bearer ${key}` } });

async function errorOf(response: Response): Promise<{ status: number; text: string }> {
  return { status: response.status, text: await response.text() };
}

// The same checks in-process (the host's own URL) and standalone (the host under a path prefix).
describe.each([
  [
    "in-process",
    async (options: DashscopeMockOptions = {}) => {
      const mock = createDashscopeMockHandler(options);
      return {
        fetch: (request: Request) => mock.handle(request),
        baseUrl: (host: (typeof ALL_HOSTS)[number]) => host.baseUrl,
        close: async () => {},
      };
    },
  ],
  [
    "standalone",
    async (options: DashscopeMockOptions = {}) => {
      const server = await startDashscopeMockServer(options);
      return {
        fetch: (request: Request) => fetch(request),
        baseUrl: (host: (typeof ALL_HOSTS)[number]) => server.baseUrlFor(host),
        close: () => server.close(),
      };
    },
  ],
] as const)("%s: every family and region", (_mode, start) => {
  let mock: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    mock = await start();
  });
  afterAll(() => mock.close());

  it.each(ALL_HOSTS)("$host serves its plan's key, streaming usage", async (host) => {
    const response = await mock.fetch(chatRequest(mock.baseUrl(host), BODY, { key: host.key }) as Request);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"choices":[]');
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it.each(ALL_HOSTS)("$host answers a key of the other kind with its plan's 401", async (host) => {
    const { status, text } = await errorOf(
      await mock.fetch(chatRequest(mock.baseUrl(host), BODY, { key: host.wrongKey }) as Request),
    );
    expect(status).toBe(401);
    expect(text).toContain(host.plan === "coding" ? "invalid access token" : "Incorrect API key provided.");
    expect(text).not.toContain(host.wrongKey);
  });

  it.each(ALL_HOSTS)("$host: GET /models as the family says", async (host) => {
    const response = await mock.fetch(models(mock.baseUrl(host), host.key));
    const listed = host.family !== "coding-plan" && host.family !== "token-plan";
    expect(response.status).toBe(listed ? 200 : 404);
    if (listed) expect(((await response.json()) as { object: string }).object).toBe("list");
  });
});

describe("any workspace id is served, lookalikes are not", () => {
  const mock = createDashscopeMockHandler();
  it.each(["ws-1", "x", "a".repeat(63), "llm-0123456789abcdef"])("workspace %s", async (workspaceId) => {
    const baseUrl = `https://${workspaceId}.eu-central-1.maas.aliyuncs.com/compatible-mode/v1`;
    expect((await mock.handle(chatRequest(baseUrl, BODY, { key: STANDARD_KEY }))).status).toBe(200);
    expect(
      (
        await mock.handle(
          chatRequest(mockBaseUrl("http://127.0.0.1:1", baseUrl), BODY, { key: STANDARD_KEY }),
        )
      ).status,
    ).toBe(200);
  });

  it.each([
    "https://a.b.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://trial.mars-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://token-plan.eu-central-1.maas.aliyuncs.com/compatible-mode/v1",
    "http://127.0.0.1:1/token-plan.cn-beijing.maas.aliyuncs.com.evil.example/compatible-mode/v1",
    "http://127.0.0.1:1/Token-Plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
  ])("%s is 404", async (baseUrl) => {
    expect((await mock.handle(chatRequest(baseUrl, BODY, { key: CODING_KEY }))).status).toBe(404);
  });
});

describe("workspace keys: only that workspace's keys work on its domain", () => {
  const OWN = "sk-workspace-own-0000000000a1b2";
  const OTHER = "sk-workspace-other-00000000c3d4";
  const mock = createDashscopeMockHandler({ workspaceKeys: { [WORKSPACE_ID]: [OWN], "ws-other": [OTHER] } });
  const domain = (workspace: string, region = "ap-southeast-1") =>
    `https://${workspace}.${region}.maas.aliyuncs.com/compatible-mode/v1`;
  const status = async (baseUrl: string, key: string) =>
    (await mock.handle(chatRequest(baseUrl, BODY, { key }))).status;

  it.each([
    ["its own key on its domain", domain(WORKSPACE_ID), OWN, 200],
    ["its own key in another region of the same workspace id", domain(WORKSPACE_ID, "cn-beijing"), OWN, 200],
    ["another workspace's key", domain(WORKSPACE_ID), OTHER, 401],
    ["a key bound to no workspace", domain(WORKSPACE_ID), STANDARD_KEY, 401],
    ["its key on a workspace nobody bound", domain("ws-unbound"), OWN, 401],
    ["a bound key on a shared domain", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", OTHER, 200],
    [
      "an unbound key on a trial domain",
      "https://trial.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
      STANDARD_KEY,
      200,
    ],
  ] as const)("%s: %s", async (_label, baseUrl, key, expected) => {
    expect(await status(baseUrl, key)).toBe(expected);
  });

  it("the 401 is DashScope's invalid_api_key and never shows the key", async () => {
    const response = await mock.handle(chatRequest(domain(WORKSPACE_ID), BODY, { key: OTHER }));
    const text = await response.text();
    expect(text).toContain('"code":"invalid_api_key"');
    expect(text).not.toContain(OTHER);
  });

  it.each([
    ["not an object", ["x"]],
    ["a workspace id of two labels", { "a.b": ["sk-x"] }],
    ["keys that are not strings", { ws: [1] }],
    ["an empty key", { ws: [" "] }],
  ])("fails closed on %s", (_label, workspaceKeys) => {
    expect(() => createDashscopeMockHandler({ workspaceKeys: workspaceKeys as never })).toThrow(TypeError);
  });
});

describe("plan model lists", () => {
  const mock = createDashscopeMockHandler();
  const TOKEN = "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1";
  const CODING = "https://coding.dashscope.aliyuncs.com/v1";
  const status = async (baseUrl: string, model: string, handler = mock) =>
    (await handler.handle(chatRequest(baseUrl, streamed(model), { key: CODING_KEY }))).status;

  it.each([
    [TOKEN, "deepseek-v4-pro", 200],
    [TOKEN, "glm-5.1", 200],
    [TOKEN, "qwen3-coder-next", 400],
    [CODING, "qwen3-coder-next", 200],
    [CODING, "qwen3.6-plus", 200],
    [CODING, "deepseek-v4-pro", 400],
    [CODING, "qwen3.7-max", 400],
  ])("%s serves %s: %i", async (baseUrl, model, expected) => {
    expect(await status(baseUrl, model)).toBe(expected);
  });

  it("a rejection is the plan's model-not-in-plan 400", async () => {
    const text = await (
      await mock.handle(chatRequest(TOKEN, streamed("qwen3-coder-next"), { key: CODING_KEY }))
    ).text();
    expect(text).toContain("model 'qwen3-coder-next' is not supported");
  });

  it("the lists are options: the March 2026 Coding Plan list rejects qwen3.6-plus", async () => {
    const march = createDashscopeMockHandler({
      codingPlanModels: PLAN_MODEL_LISTS["coding-2026-03"].models,
      tokenPlanModels: ["qwen3-coder-next"],
    });
    expect(await status(CODING, "qwen3.6-plus", march)).toBe(400);
    expect(await status(TOKEN, "qwen3-coder-next", march)).toBe(200);
    expect(await status(TOKEN, "deepseek-v4-pro", march)).toBe(400);
  });
});

describe("the coding-agent gate covers both subscription plans", () => {
  const gated = createDashscopeMockHandler({ codingPlanClientGate: true });
  const hosts = ALL_HOSTS.map((host) => [host.host, host] as const);
  it.each(hosts)("%s", async (_name, host) => {
    const send = (agent: string) =>
      gated.handle(chatRequest(host.baseUrl, BODY, { key: host.key, headers: { "user-agent": agent } }));
    const plain = await send("node-fetch/1.0");
    expect(plain.status).toBe(host.plan === "standard" ? 200 : 405);
    if (host.plan !== "standard")
      expect(await plain.json()).toEqual({
        error: "Coding Plan is currently only available for Coding Agents",
      });
    expect((await send("claude-code/2.1")).status).toBe(200);
  });
});

describe("msw intercepts every family by hostname", () => {
  const server = setupServer(...dashscopeHandlers());
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterAll(() => server.close());

  it.each(ALL_HOSTS)("$host", async (host) => {
    const response = await fetch(`${host.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${host.key}`, "content-type": "application/json" },
      body: JSON.stringify(BODY),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[\da-f-]{36}$/);
  });

  it.each([
    "https://token-plan.cn-beijing.maas.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://a.b.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://trial.mars-1.maas.aliyuncs.com/compatible-mode/v1",
    "http://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  ])("not a lookalike: %s (unhandled, so the request fails instead of leaving)", async (baseUrl) => {
    await expect(fetch(`${baseUrl}/chat/completions`, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
