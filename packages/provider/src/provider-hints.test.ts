import { endpointFor } from "@qwenkit/core";
import { authChoiceFor } from "@qwenkit/core/advanced";
import { createDashscopeMockHandler } from "@qwenkit/dashscope-mock";
import { describe, expect, it } from "vitest";
import { isQwenApiError } from "./errors/qwen-api-error.js";
import { createQwenProvider } from "./provider.js";
import { KEYS } from "./test-utils/hosts.js";

const hello = { messages: [{ role: "user" as const, content: "Hello" }] };
const OTHER_KEY = "sk-fedcba9876543210fedcba9876543210";

/** A provider whose requests are answered by the in-process mock handler. */
function through(
  handler: ReturnType<typeof createDashscopeMockHandler>,
  options: Parameters<typeof createQwenProvider>[0],
) {
  const fetch = (input: string | URL | Request, init?: RequestInit) =>
    handler.handle(new Request(input, init));
  return createQwenProvider({ env: {}, maxRetries: 0, fetch, ...options });
}

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

describe("hints against the mock's answers", () => {
  it("a key of another workspace on a workspace domain: only that workspace's keys work there", async () => {
    const handler = createDashscopeMockHandler({ workspaceKeys: { "llm-abc123": [KEYS.standard] } });
    const endpoint = endpointFor({ plan: "standard", region: "ap-southeast-1", workspaceId: "llm-abc123" });
    const accepted = await through(handler, { baseUrl: endpoint.baseUrl, apiKey: KEYS.standard }).chat(hello);
    expect(accepted.finishReason).toBe("stop");
    const error = await failureOf(
      through(handler, { baseUrl: endpoint.baseUrl, apiKey: OTHER_KEY }).chat(hello),
    );
    expect(isQwenApiError(error, "invalid-api-key")).toBe(true);
    expect((error as Error & { hint: string }).hint).toMatch(
      /workspace llm-abc123: only API keys created in that workspace/,
    );
  });

  it("a wrong path on a native host: endpoint-not-found naming the base URL, not model-not-found", async () => {
    const handler = createDashscopeMockHandler();
    const baseUrl = "https://dashscope-intl.aliyuncs.com/compatible-mode/v2";
    const error = await failureOf(through(handler, { baseUrl, apiKey: KEYS.standard }).chat(hello));
    expect(error).toMatchObject({ kind: "endpoint-not-found", status: 404 });
    expect((error as Error & { hint: string }).hint).toContain(`${baseUrl}/chat/completions does not exist`);
  });

  it("a plan model in the wrong case on the Coding Plan: did you mean, not a switch to Pay-as-you-go", async () => {
    const handler = createDashscopeMockHandler();
    const qwen = through(handler, {
      authChoice: "qwen-api-key",
      apiKey: KEYS.coding,
      model: "qwen/minimax-m2.5",
    });
    const error = await failureOf(qwen.stream(hello).result);
    expect(error).toMatchObject({ kind: "model-not-in-plan" });
    expect((error as Error & { hint: string }).hint).toMatch(/^Did you mean MiniMax-M2\.5\?/);
    expect((error as Error & { hint: string }).hint).not.toContain(
      `"${authChoiceFor("standard", "ap-southeast-1")}"`,
    );
  });
});
