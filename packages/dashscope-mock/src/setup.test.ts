import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupDashscopeMock } from "./setup.js";
import { CODING_KEY, HOSTS, STANDARD_KEY, testHost } from "./test-utils/hosts.js";

const mock = setupDashscopeMock({
  faults: [
    {
      fault: { type: "error", error: "quota-exceeded" },
      times: 1,
      match: (r) => r.body !== undefined && (r.body as { user?: string }).user === "quota",
    },
  ],
});

beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const intl = testHost("dashscope-intl.aliyuncs.com");
const ask = (headers: Record<string, string> = {}, body: Record<string, unknown> = {}) =>
  fetch(`${intl.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${STANDARD_KEY}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({ model: "qwen3-coder-plus", messages: [{ role: "user", content: "Hi" }], ...body }),
  });

describe("setupDashscopeMock", () => {
  it.each(HOSTS)("intercepts fetch to $host and records it", async (host) => {
    const client = new OpenAI({ apiKey: host.key, baseURL: host.baseUrl, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: host.model,
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(completion.object).toBe("chat.completion");
    expect(mock.recorder.requests).toHaveLength(1);
    expect(mock.recorder.last()?.host).toBe(host.host);
  });

  it("answers the x-mock-fault header in-process", async () => {
    const response = await ask({ "x-mock-fault": "error;error=rate-limit;retryAfterSeconds=3" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
  });

  it("applies faults added with useFaults, `times` times", async () => {
    mock.useFaults({ fault: { type: "error", error: "internal-error" }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("forgets run-time faults and recordings on reset", async () => {
    mock.useFaults({ fault: { type: "error", error: "model-unavailable" } });
    expect((await ask()).status).toBe(503);
    mock.reset();
    expect(mock.recorder.requests).toEqual([]);
    expect((await ask()).status).toBe(200);
  });

  it("keeps the setup faults, with their uses restored by reset", async () => {
    expect((await ask({}, { user: "quota" })).status).toBe(429);
    expect((await ask({}, { user: "quota" })).status).toBe(200);
    mock.reset();
    expect((await ask({}, { user: "quota" })).status).toBe(429);
  });

  it("fails requests no handler matches", async () => {
    // Loopback, so nothing could leave the machine even if msw let it through.
    const error = await fetch("http://127.0.0.1:59999/v1/chat/completions").catch(
      (reason: unknown) => reason,
    );
    expect(String((error as Error).cause)).toContain("Cannot bypass a request");
  });

  it("answers a non-streamed drop-connection with a network error", async () => {
    await expect(ask({ "x-mock-fault": "drop-connection;afterChunks=0" })).rejects.toThrow(TypeError);
  });
});

describe("the opt-in Coding Plan client gate", () => {
  const gated = setupDashscopeMock({ codingPlanClientGate: true });
  const coding = testHost("coding-intl.dashscope.aliyuncs.com");

  beforeAll(async () => {
    mock.close();
    await gated.listen();
  });
  afterAll(async () => {
    gated.close();
    await mock.listen();
  });

  const call = (host: typeof coding, key: string, userAgent: string) =>
    fetch(`${host.baseUrl}/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "user-agent": userAgent,
        "content-type": "application/json",
      },
      body: JSON.stringify({ model: "qwen3-coder-plus", messages: [{ role: "user", content: "Hi" }] }),
    });

  it("answers 405 with the string error body to a client that is not a coding agent", async () => {
    const response = await call(coding, CODING_KEY, "OpenAI/JS 7.57.0");
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      error: "Coding Plan is currently only available for Coding Agents",
    });
  });

  it.each(["claude-cli/2.1.0 (external, cli)", "QwenCode/0.4 qwen-code", "OpenClaw/2026.3 openclaw"])(
    "lets %s through",
    async (userAgent) => {
      expect((await call(coding, CODING_KEY, userAgent)).status).toBe(200);
    },
  );

  it("leaves Standard hosts alone", async () => {
    expect((await call(intl, STANDARD_KEY, "OpenAI/JS 7.57.0")).status).toBe(200);
  });

  it("is checked after the key", async () => {
    expect((await call(coding, STANDARD_KEY, "OpenAI/JS 7.57.0")).status).toBe(401);
  });
});
