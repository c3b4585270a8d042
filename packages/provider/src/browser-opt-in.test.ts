import { QwenConfigError } from "@qwenkit/core";
import { createDashscopeMockHandler } from "@qwenkit/dashscope-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQwenProvider } from "./provider.js";
import { KEYS } from "./test-utils/hosts.js";

const mock = createDashscopeMockHandler();
const fetch = (input: string | URL | Request, init?: RequestInit) => mock.handle(new Request(input, init));
const make = (dangerouslyAllowBrowser?: unknown) =>
  createQwenProvider({
    authChoice: "qwen-standard-api-key",
    apiKey: KEYS.standard,
    env: {},
    fetch,
    maxRetries: 0,
    dangerouslyAllowBrowser: dangerouslyAllowBrowser as boolean | undefined,
  });

describe("dangerouslyAllowBrowser", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    mock.reset();
  });

  describe("in a page (window, document and navigator exist, as the openai SDK checks)", () => {
    const inPage = () => vi.stubGlobal("window", { document: {} });

    it.each([
      ["left out", undefined],
      ["false", false],
    ])("%s: creating a provider fails, naming the option", (_, value) => {
      inPage();
      expect(() => make(value)).toThrow(/dangerouslyAllowBrowser/);
    });

    it("true: the provider streams with usage", async () => {
      inPage();
      const result = await make(true).stream({ messages: [{ role: "user", content: "Hello" }] }).result;
      expect(result.text).not.toBe("");
      expect(result.usage?.totalTokens).toBeGreaterThan(0);
      expect(mock.recorder.requests).toHaveLength(1);
    });
  });

  it.each([undefined, false, true])("on a server runtime, %s is accepted", (value) => {
    expect(make(value).config.endpoint.native).toBe(true);
  });

  it.each([
    ["a string", "true"],
    ["a number", 1],
    ["null", null],
  ])("%s is a QwenConfigError, not a truthy opt-in", (_, value) => {
    const attempt = () => make(value);
    expect(attempt).toThrow(QwenConfigError);
    expect(attempt).toThrow(expect.objectContaining({ kind: "invalid-option" }));
  });
});
