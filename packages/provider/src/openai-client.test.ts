import { createDashscopeMockHandler } from "@qwenkit/dashscope-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQwenProvider } from "./provider.js";
import { KEYS } from "./test-utils/hosts.js";

const mock = createDashscopeMockHandler();
const fetch = (input: string | URL | Request, init?: RequestInit) => mock.handle(new Request(input, init));

describe("a runtime that refuses to read the environment (Deno without --allow-env)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    mock.reset();
  });

  it("still creates a provider that streams, reading no OPENAI_* variable", async () => {
    const refusing = new Proxy(
      {},
      {
        get() {
          throw new Error('NotCapable: Requires env access to "OPENAI_CUSTOM_HEADERS"');
        },
      },
    );
    vi.stubGlobal("process", { ...process, env: refusing });
    const qwen = createQwenProvider({
      authChoice: "qwen-standard-api-key",
      apiKey: KEYS.standard,
      env: {},
      fetch,
      maxRetries: 0,
    });
    const result = await qwen.stream({ messages: [{ role: "user", content: "Hello" }] }).result;
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
  });
});
