import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dashscopeUuid, digest, toolCallId } from "./determinism.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { chatRequest, HOSTS, streamed, testHost } from "./test-utils/hosts.js";

/** A fixed clock: byte-for-byte comparisons must not straddle a second. */
const clock = () => 1_767_225_600_000;
const fresh = () => createDashscopeMockHandler({ clock });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-9[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const WEATHER = {
  type: "function",
  function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } },
};

const BODIES = [
  ["plain stream", streamed("qwen3-coder-plus")],
  ["thinking stream", streamed("qwen3.5-plus")],
  ["tool call", streamed("qwen3-coder-plus", { tools: [WEATHER], tool_choice: "required" })],
  ["non-stream", { model: "qwen3-coder-plus", messages: [{ role: "user", content: "Hi" }] }],
] as const;

async function bytes(
  mock: ReturnType<typeof createDashscopeMockHandler>,
  body: unknown,
  host = testHost("dashscope-intl.aliyuncs.com"),
) {
  const response = await mock.handle(chatRequest(host.baseUrl, body, { key: host.key }));
  return { id: response.headers.get("x-request-id"), text: await response.text() };
}

describe("determinism", () => {
  it.each(BODIES)(
    "gives the same bytes, id included, for the same %s in a fresh mock",
    async (_label, body) => {
      const first = await bytes(fresh(), body);
      const second = await bytes(fresh(), body);
      expect(second).toEqual(first);
      expect(first.id).toMatch(UUID);
      expect(first.text).toContain(`chatcmpl-${first.id}`);
    },
  );

  it.each(HOSTS)("is deterministic on $host too", async (host) => {
    const body = streamed(host.model);
    expect(await bytes(fresh(), body, host)).toEqual(await bytes(fresh(), body, host));
  });

  it("gives a repeated request a new id but the same reply", async () => {
    const mock = fresh();
    const body = BODIES[3][1];
    const first = await bytes(mock, body);
    const second = await bytes(mock, body);
    expect(second.id).not.toBe(first.id);
    expect(second.text.replaceAll(second.id ?? "", "")).toBe(first.text.replaceAll(first.id ?? "", ""));
  });

  it("does not depend on the order of unrelated requests", async () => {
    const [x, y] = [BODIES[0][1], BODIES[1][1]];
    const a = fresh();
    const b = fresh();
    const xFirst = await bytes(a, x);
    await bytes(a, y);
    await bytes(b, y);
    expect(await bytes(b, x)).toEqual(xFirst);
  });

  it("restarts the id sequence on reset()", async () => {
    const mock = fresh();
    const body = BODIES[0][1];
    const first = await bytes(mock, body);
    await bytes(mock, body);
    mock.reset();
    expect(await bytes(mock, body)).toEqual(first);
  });

  it("derives the reply from the prompt", async () => {
    const mock = createDashscopeMockHandler();
    const texts = new Set<string>();
    for (const prompt of ["alpha", "beta", "gamma", "delta"]) {
      const body = { model: "qwen3-coder-plus", messages: [{ role: "user", content: prompt }] };
      const { text } = await bytes(mock, body);
      texts.add(
        (JSON.parse(text) as { choices: { message: { content: string } }[] }).choices[0]?.message.content ??
          "",
      );
    }
    expect(texts.size).toBeGreaterThan(1);
  });

  it("dates a reply by the request time, in whole seconds", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { text } = await bytes(createDashscopeMockHandler(), BODIES[3][1]);
    const after = Math.floor(Date.now() / 1000);
    const { created } = JSON.parse(text) as { created: number };
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(after);
  });

  it("dates every frame of a stream by the clock it is given", async () => {
    let now = 1_800_000_000_999;
    const mock = createDashscopeMockHandler({ clock: () => now });
    const first = await bytes(mock, BODIES[0][1]);
    now += 5_000;
    const later = await bytes(mock, BODIES[0][1]);
    const createdOf = (text: string) =>
      new Set(
        text
          .split("\n\n")
          .filter((event) => event.startsWith("data: {"))
          .map((event) => (JSON.parse(event.slice(6)) as { created: number }).created),
      );
    expect(createdOf(first.text)).toEqual(new Set([1_800_000_000]));
    expect(createdOf(later.text)).toEqual(new Set([1_800_000_005]));
  });

  it("makes DashScope-style UUIDs and tool-call ids from any input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(dashscopeUuid(digest(text))).toMatch(UUID);
        expect(toolCallId(digest(text))).toMatch(/^call_[0-9a-f]{22}$/);
        expect(digest(text)).toEqual(digest(text));
      }),
    );
  });
});
