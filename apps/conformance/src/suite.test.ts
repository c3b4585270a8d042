import { startDashscopeMockServer } from "@qwenkit/dashscope-mock";
import { describe, expect, it } from "vitest";
import { FEATURES } from "./features/index.js";
import { CONFORMANCE_HOSTS } from "./hosts.js";
import { summarize } from "./result.js";
import { redactor, runConformance, UnknownIdError } from "./suite.js";
import { liveKeyVariable, prepareTarget } from "./targets.js";

const CELLS = CONFORMANCE_HOSTS.length * FEATURES.length;

describe("against the embedded mock", () => {
  it("passes every cell on every host of every family (the workspace-key column skips subscription hosts)", async () => {
    const run = await runConformance({ target: { kind: "mock" } });
    expect(run.target).toBe("mock");
    expect(run.results).toHaveLength(CELLS);
    expect(run.results.filter((r) => r.status === "fail")).toEqual([]);
    const skipped = run.results.filter((r) => r.status === "skip");
    expect(skipped.map((r) => `${r.host}/${r.feature}`).sort()).toEqual(
      CONFORMANCE_HOSTS.filter((host) => host.plan !== "standard")
        .map((host) => `${host.id}/workspace-key`)
        .sort(),
    );
    expect(new Set(run.results.map((r) => r.host))).toEqual(new Set(CONFORMANCE_HOSTS.map((h) => h.id)));
  });

  it("sends nothing off the process: the global fetch is never called", async () => {
    const calls: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (input) => {
      calls.push(String(input instanceof Request ? input.url : input));
      throw new Error("a mock run called the global fetch");
    };
    try {
      const run = await runConformance({
        target: { kind: "mock" },
        features: ["chat", "stream-usage", "models"],
      });
      expect(run.results.filter((r) => r.status === "fail")).toEqual([]);
    } finally {
      globalThis.fetch = original;
    }
    expect(calls).toEqual([]);
  });

  it("runs only the hosts and features asked for, and rejects unknown ids", async () => {
    const run = await runConformance({
      target: { kind: "mock" },
      hosts: ["coding-plan-cn-beijing"],
      features: ["chat", "abort"],
    });
    expect(run.results.map((r) => `${r.host}/${r.feature}/${r.status}`)).toEqual([
      "coding-plan-cn-beijing/chat/pass",
      "coding-plan-cn-beijing/abort/pass",
    ]);
    await expect(runConformance({ target: { kind: "mock" }, hosts: ["coding-mars"] })).rejects.toThrow(
      UnknownIdError,
    );
    await expect(runConformance({ target: { kind: "mock" }, features: ["teleport"] })).rejects.toThrow(
      /unknown feature teleport; known: endpoint, key-check/,
    );
  });
});

describe("against a server at a base URL (the standalone mock on 127.0.0.1)", () => {
  it("passes every cell", async () => {
    const server = await startDashscopeMockServer({ port: 0, host: "127.0.0.1" });
    try {
      const run = await runConformance({ target: { kind: "base-url", url: server.url } });
      expect(run.results.filter((r) => r.status === "fail")).toEqual([]);
      // Only the embedded mock has a key of another workspace.
      expect(run.results.filter((r) => r.status === "skip").every((r) => r.feature === "workspace-key")).toBe(
        true,
      );
      expect(run.results.filter((r) => r.status === "pass")).toHaveLength(CELLS - CONFORMANCE_HOSTS.length);
      expect(server.recorder.requests.every((r) => r.url.startsWith(server.url))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("sends the User-Agent and extra headers on every request, and keeps long header values out of the report", async () => {
    const server = await startDashscopeMockServer({ port: 0, host: "127.0.0.1" });
    const token = "proxy-token-0123456789";
    try {
      const run = await runConformance({
        target: { kind: "base-url", url: server.url },
        hosts: CONFORMANCE_HOSTS.filter((host) => host.plan === "standard")
          .map((host) => host.id)
          .slice(0, 1),
        features: ["chat", "stream-usage"],
        userAgent: "acme-ci/1.2",
        headers: { "x-team": "qa", "x-proxy-token": token },
      });
      expect(run.results.map((r) => r.status)).toEqual(["pass", "pass"]);
      expect(server.recorder.requests.length).toBeGreaterThan(0);
      for (const request of server.recorder.requests) {
        expect(request.headers).toMatchObject({ "user-agent": "acme-ci/1.2", "x-team": "qa" });
      }
      expect(redactor([token])(`echo ${token}`)).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it("fails the usage cells of a server that never sends the usage frame", async () => {
    const server = await startDashscopeMockServer({
      port: 0,
      faults: [{ fault: { type: "missing-usage" } }],
    });
    try {
      const run = await runConformance({ target: { kind: "base-url", url: server.url } });
      const failed = run.results.filter((r) => r.status === "fail");
      expect(new Set(failed.map((r) => r.feature))).toEqual(new Set(["stream-usage", "reasoning"]));
      expect(failed.filter((r) => r.feature === "stream-usage").map((r) => r.detail)).toEqual(
        Array(CONFORMANCE_HOSTS.length).fill("CheckFailed: 0 usage events"),
      );
    } finally {
      await server.close();
    }
  });

  it("fails every network cell, promptly, when nothing listens there", async () => {
    const server = await startDashscopeMockServer({ port: 0 });
    await server.close();
    const run = await runConformance({
      target: { kind: "base-url", url: server.url },
      hosts: ["dashscope-ap-southeast-1"],
    });
    const byFeature = Object.fromEntries(run.results.map((r) => [r.feature, r.status]));
    expect(byFeature).toMatchObject({ endpoint: "pass", "key-check": "pass", chat: "fail", abort: "fail" });
  });
});

describe("live target", () => {
  it("skips every cell and says how to opt in when QWEN_CONFORMANCE_LIVE is not 1", async () => {
    const run = await runConformance({
      target: { kind: "live", env: { QWEN_API_KEY: "sk-0123456789abcdef01234567" } },
    });
    expect(summarize(run.results)).toEqual({ pass: 0, fail: 0, skip: CELLS });
    expect(run.notice).toMatch(
      /set QWEN_CONFORMANCE_LIVE=1 and a key per plan and region \(QWEN_CONFORMANCE_KEY_STANDARD, QWEN_CONFORMANCE_KEY_CODING_CN, QWEN_CONFORMANCE_KEY_TOKEN, …\), and for a workspace domain QWEN_CONFORMANCE_WORKSPACE_ID and QWEN_CONFORMANCE_WORKSPACE_REGION/,
    );
  });

  it("skips every cell and says which variables to set when no key is configured", async () => {
    const run = await runConformance({ target: { kind: "live", env: { QWEN_CONFORMANCE_LIVE: "1" } } });
    expect(summarize(run.results)).toEqual({ pass: 0, fail: 0, skip: CELLS });
    expect(run.notRun.map((entry) => entry.host)).toEqual(CONFORMANCE_HOSTS.map((host) => host.id));
    expect(run.notice).toMatch(/^no live keys configured/);
    expect(run.results.find((r) => r.host === "coding-plan-cn-beijing")?.detail).toBe(
      "no key for coding-plan-cn-beijing: set QWEN_CONFORMANCE_KEY_CODING_CN",
    );
  });

  it("gives a host its own key, and a generic key to the Global host of the key's plan", () => {
    const codingCn = "sk-sp-0123456789abcdef0123cn01";
    const generic = "sk-sp-0123456789abcdef0123gl02";
    const target = prepareTarget({
      kind: "live",
      env: {
        QWEN_CONFORMANCE_LIVE: "1",
        [liveKeyVariable("coding", "cn-beijing")]: codingCn,
        QWEN_API_KEY: generic,
      },
    });
    const keyOf = (id: string) => {
      const host = CONFORMANCE_HOSTS.find((h) => h.id === id);
      if (!host) throw new Error(`no host ${id}`);
      const setup = target.setup(host);
      return "context" in setup ? setup.context.options.apiKey : setup.skip;
    };
    expect(keyOf("coding-plan-cn-beijing")).toBe(codingCn);
    expect(keyOf("coding-plan-ap-southeast-1")).toBe(generic);
    expect(keyOf("dashscope-ap-southeast-1")).toBe(
      "no key for dashscope-ap-southeast-1: set QWEN_CONFORMANCE_KEY_STANDARD",
    );
    // An sk-sp- key cannot say which subscription: it counts for the Coding Plan only.
    expect(keyOf("token-plan-ap-southeast-1")).toBe(
      "no key for token-plan-ap-southeast-1: set QWEN_CONFORMANCE_KEY_TOKEN",
    );
    expect(keyOf("workspace-ap-southeast-1")).toMatch(
      /^no live workspace: set QWEN_CONFORMANCE_WORKSPACE_ID/,
    );
    expect(target.secrets).toEqual(expect.arrayContaining([codingCn, generic]));
  });
});

describe("redactor", () => {
  it("masks configured secrets and anything shaped like a DashScope key", () => {
    const redact = redactor(["custom-secret-value-123456"]);
    expect(redact("a custom-secret-value-123456 b")).not.toContain("custom-secret-value-123456");
    expect(redact("Bearer sk-sp-abcdef0123456789abcd and sk-abcdef0123456789wxyz")).toBe(
      "Bearer sk-sp-…abcd and sk-…wxyz",
    );
  });
});
