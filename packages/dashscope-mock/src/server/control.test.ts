import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DashscopeMockServer, startDashscopeMockServer } from "../server.js";
import { testHost } from "../test-utils/hosts.js";
import { FAULT_CONTROL_PATH } from "./control.js";

let server: DashscopeMockServer;
beforeAll(async () => {
  server = await startDashscopeMockServer({
    faults: [{ fault: { type: "missing-usage" }, match: { model: "never-sent" } }],
  });
});
afterEach(async () => {
  await fetch(`${server.url}${FAULT_CONTROL_PATH}`, { method: "DELETE" });
  server.recorder.clear();
});
afterAll(() => server.close());

const host = testHost("dashscope-intl.aliyuncs.com");
const control = (method: string, body?: unknown) =>
  fetch(`${server.url}${FAULT_CONTROL_PATH}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
const client = (maxRetries: number, headers: Record<string, string> = {}) =>
  new OpenAI({
    apiKey: host.key,
    baseURL: server.baseUrlFor(host.host),
    maxRetries,
    defaultHeaders: headers,
  });
const ask = (openai: OpenAI, model = "qwen-plus") =>
  openai.chat.completions.create({ model, messages: [{ role: "user", content: "Hi" }] });

describe("the fault control of the standalone server", () => {
  it("installs rules at run time: the SDK's retry gets past a first-request 429", async () => {
    const installed = await control("POST", [
      {
        fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 },
        times: 1,
        match: { model: "qwen-plus" },
      },
    ]);
    expect(installed.status).toBe(201);
    const completion = await ask(client(2));
    expect(completion.choices[0]?.message.content).toMatch(/\w/);
    expect(server.recorder.requests).toHaveLength(2);
    const listed = (await (await control("GET")).json()) as { rules: unknown[] };
    expect(listed.rules[0]).toEqual({
      fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 },
      times: 1,
      used: 1,
      match: { model: "qwen-plus" },
      source: "runtime",
    });
  });

  it("lists setup rules too, and DELETE drops only the installed ones", async () => {
    await control("POST", [{ fault: { type: "missing-done" } }]);
    const before = (await (await control("GET")).json()) as { rules: { source: string }[] };
    expect(before.rules.map((rule) => rule.source)).toEqual(["runtime", "setup"]);
    expect((await control("DELETE")).status).toBe(204);
    const after = (await (await control("GET")).json()) as { rules: { source: string; match: unknown }[] };
    expect(after.rules).toEqual([
      { fault: { type: "missing-usage" }, used: 0, match: { model: "never-sent" }, source: "setup" },
    ]);
    await expect(ask(client(0))).resolves.toBeDefined();
  });

  it.each<[unknown, string]>([
    ["{not json", "JSON"],
    [{ fault: { type: "missing-done" } }, "expected a JSON array of rules"],
    [
      [{ fault: { type: "slow-first-byte", delayMs: 2 ** 31 } }],
      "delayMs must be a whole number from 0 to 2147483647",
    ],
    [
      [{ fault: { type: "error", error: "rate-limit" }, times: 0 }],
      "times must be a whole number of 1 or more",
    ],
  ])("refuses %j with a 400 that says why, installing nothing", async (body, message) => {
    const response = await control("POST", body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("mock_invalid_fault_rules");
    expect(json.error.message).toContain(message);
    const listed = (await (await control("GET")).json()) as { rules: unknown[] };
    expect(listed.rules).toHaveLength(1);
  });

  it("answers other methods with 405", async () => {
    const response = await control("PUT", []);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, DELETE");
  });

  it("is not served under a host prefix (the hosts keep DashScope's 404)", async () => {
    const response = await fetch(`${server.baseUrlFor(host.host)}${FAULT_CONTROL_PATH}`, {
      headers: { authorization: `Bearer ${host.key}` },
    });
    expect(response.status).toBe(404);
  });
});

describe("the fault control's body limit", () => {
  it("answers 413 to rules above maxRequestBodyBytes, installs nothing, and keeps serving", async () => {
    const small = await startDashscopeMockServer({ maxRequestBodyBytes: 1024 });
    try {
      const rule = { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 }, times: 1 };
      const oversized = await fetch(`${small.url}${FAULT_CONTROL_PATH}`, {
        method: "POST",
        body: JSON.stringify(Array.from({ length: 64 }, () => rule)),
      });
      expect(oversized.status).toBe(413);
      expect(await oversized.json()).toMatchObject({ error: { code: "mock_request_too_large" } });
      const listed = await fetch(`${small.url}${FAULT_CONTROL_PATH}`);
      expect(await listed.json()).toEqual({ rules: [] });
      const fitting = await fetch(`${small.url}${FAULT_CONTROL_PATH}`, {
        method: "POST",
        body: JSON.stringify([rule]),
      });
      expect(fitting.status).toBe(201);
    } finally {
      await small.close();
    }
  });
});

describe("header faults with times=n over HTTP", () => {
  it("let the SDK's retry succeed against a first-request fault", async () => {
    const fault = "error;error=internal-error;times=1";
    const completion = await ask(client(1, { "x-mock-fault": fault }), "qwen-max");
    expect(completion.object).toBe("chat.completion");
    expect(server.recorder.requests.map((request) => request.headers["x-mock-fault"])).toEqual([
      fault,
      fault,
    ]);
    // Spent: the same header no longer applies, until DELETE restarts the count.
    await expect(ask(client(0, { "x-mock-fault": fault }), "qwen-max")).resolves.toBeDefined();
    await control("DELETE");
    await expect(ask(client(0, { "x-mock-fault": fault }), "qwen-max")).rejects.toMatchObject({
      status: 500,
    });
  });
});
