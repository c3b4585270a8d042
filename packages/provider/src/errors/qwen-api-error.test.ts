import { QwenConfigError } from "@qwenkit/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createQwenProvider } from "../provider.js";
import { QWEN_API_ERROR_KIND_IDS, QWEN_API_ERROR_KINDS } from "./kinds.js";
import { localError } from "./local-error.js";
import { isQwenApiError, QwenApiError } from "./qwen-api-error.js";

const make = (kind: "rate-limit" | "aborted") =>
  new QwenApiError({
    kind,
    message: "m",
    hint: "h",
    retryable: QWEN_API_ERROR_KINDS[kind].retryable,
    status: 429,
  });

describe("QwenApiError", () => {
  it("is recognised across two installed copies of the package (a second module instance)", async () => {
    // A query string makes the module loader evaluate the file again: another class, as a second copy would be.
    const specifier = "./qwen-api-error.js?second-copy";
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("./qwen-api-error.js");
    expect(copy.QwenApiError).not.toBe(QwenApiError);
    const foreign = new copy.QwenApiError({ kind: "rate-limit", message: "m", hint: "h", retryable: true });
    expect(foreign).toBeInstanceOf(QwenApiError);
    expect(isQwenApiError(foreign, "rate-limit")).toBe(true);
    expect(make("aborted")).toBeInstanceOf(copy.QwenApiError);
    expect(copy.isQwenApiError(make("aborted"), "aborted")).toBe(true);
  });

  it("isQwenApiError narrows by kind, and rejects lookalikes", () => {
    const error: unknown = make("rate-limit");
    expect(isQwenApiError(error)).toBe(true);
    expect(isQwenApiError(error, "rate-limit")).toBe(true);
    expect(isQwenApiError(error, "aborted")).toBe(false);
    if (isQwenApiError(error, "rate-limit")) expectTypeOf(error.kind).toEqualTypeOf<"rate-limit">();
    for (const lookalike of [
      new Error("x"),
      { name: "QwenApiError", kind: "rate-limit" },
      Object.assign(new Error("x"), { kind: "rate-limit" }),
      null,
      "QwenApiError",
    ]) {
      expect(isQwenApiError(lookalike)).toBe(false);
      expect(lookalike instanceof QwenApiError).toBe(false);
    }
  });

  it("carries openai-node's fields, and toJSON leaves out headers and cause", () => {
    const headers = new Headers({ "x-request-id": "r" });
    const own = { kind: "invalid-request", message: "400 bad", hint: "fix it", retryable: false } as const;
    const sdkFields = {
      status: 400,
      code: "invalid_parameter_error",
      param: "tools",
      type: "invalid_request_error",
      requestId: "r",
    };
    const error = new QwenApiError({ ...own, ...sdkFields, headers, cause: new Error("inner") });
    expect(error).toMatchObject({ ...sdkFields, headers });
    expect(error.cause).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "QwenApiError", ...own, ...sdkFields });
    const partial = error.withPartial(undefined);
    expect(partial).toMatchObject({ headers, param: "tools", kind: "invalid-request" });
  });

  it("takes retryability and the hint from the kinds table, for every kind", () => {
    for (const kind of QWEN_API_ERROR_KIND_IDS) {
      const error = localError(kind, { endpoint: { baseUrl: "https://example.invalid/v1" } });
      expect(error.retryable).toBe(QWEN_API_ERROR_KINDS[kind].retryable);
      expect(error.hint.length).toBeGreaterThan(20);
      expect(error.hint).not.toContain("\n");
      expect(error.message).toContain(error.hint);
    }
  });
});

describe("createQwenProvider's option errors are QwenConfigErrors", () => {
  const base = { apiKey: "sk-0123456789abcdef0123456789abcdef", env: {} };
  it.each([
    ["timeout", { timeout: -1 }],
    ["timeout", { timeout: Number.NaN }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["retryDelays.initialDelayMs", { retryDelays: { initialDelayMs: -1 } }],
    ["shapeRequests", { shapeRequests: "sometimes" as "auto" }],
    ["dangerouslyAllowBrowser", { dangerouslyAllowBrowser: "yes" as unknown as boolean }],
  ])("a bad %s", (name, options) => {
    const attempt = () => createQwenProvider({ ...base, ...options });
    expect(attempt).toThrow(QwenConfigError);
    expect(attempt).toThrow(new RegExp(name.replace(".", "\\.")));
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: "invalid-option" });
    }
  });
});
