import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashscopeMockServer, startDashscopeMockServer } from "../server.js";
import { testHost } from "../test-utils/hosts.js";
import { CORS_ALLOWED_HEADERS } from "./cors.js";

const host = testHost("dashscope-intl.aliyuncs.com");
let withCors: DashscopeMockServer;
let without: DashscopeMockServer;
beforeAll(async () => {
  [withCors, without] = await Promise.all([
    startDashscopeMockServer({ cors: true }),
    startDashscopeMockServer(),
  ]);
});
afterAll(() => Promise.all([withCors.close(), without.close()]));

const ORIGIN = "http://localhost:5173";
const preflight = (server: DashscopeMockServer, headers: string) =>
  fetch(`${server.baseUrlFor(host.host)}/chat/completions`, {
    method: "OPTIONS",
    headers: {
      origin: ORIGIN,
      "access-control-request-method": "POST",
      "access-control-request-headers": headers,
    },
  });

describe("--cors", () => {
  it("answers a preflight with 204, the methods and the headers a browser client sends", async () => {
    const asked = "authorization, content-type, x-stainless-os, x-mock-fault, x-custom-trace";
    const response = await preflight(withCors, asked);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").split(", ");
    expect(allowed).toEqual(expect.arrayContaining([...CORS_ALLOWED_HEADERS, "x-custom-trace"]));
    expect(allowed).toEqual(
      expect.arrayContaining(["authorization", "x-mock-chunks", "x-stainless-retry-count"]),
    );
    expect(await response.text()).toBe("");
  });

  it("sets allow-origin and exposes x-request-id on every response, errors included", async () => {
    for (const key of [host.key, "sk-sp-wrong-plan-000000000000"]) {
      const response = await fetch(`${withCors.baseUrlFor(host.host)}/chat/completions`, {
        method: "POST",
        headers: { origin: ORIGIN, authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
      });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id, retry-after");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("works for the openai SDK in browser mode", async () => {
    const client = new OpenAI({
      apiKey: host.key,
      baseURL: withCors.baseUrlFor(host.host),
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
    const { data, response } = await client.chat.completions
      .create({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] })
      .withResponse();
    expect(data.choices[0]?.message.role).toBe("assistant");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is off by default: no CORS headers, and a preflight gets the key check's 401", async () => {
    const response = await preflight(without, "authorization");
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
