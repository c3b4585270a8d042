import { describe, expect, it } from "vitest";
import { MockControlError } from "../control-error.js";
import type { RecordedRequest } from "../recorder.js";
import { createFaultBook } from "./book.js";
import type { HeaderFaultRule } from "./header.js";
import type { MockFault } from "./specs.js";

const request = (path: string, model = "qwen-plus"): RecordedRequest => ({
  method: "POST",
  url: `https://dashscope.aliyuncs.com${path}`,
  host: "dashscope.aliyuncs.com",
  path,
  headers: {},
  body: { model },
});
const CHAT = "/compatible-mode/v1/chat/completions";
const rateLimit: MockFault = { type: "error", error: "rate-limit" };
const drop: MockFault = { type: "drop-connection", afterChunks: 1 };

describe("createFaultBook", () => {
  it("applies a rule `times` times, then falls through", () => {
    const book = createFaultBook([{ fault: rateLimit, times: 2 }]);
    const r = request(CHAT);
    expect([book.take(r, []), book.take(r, []), book.take(r, [])]).toEqual([[rateLimit], [rateLimit], []]);
  });

  it("applies a rule only to requests it matches, without spending uses on the others", () => {
    const book = createFaultBook([{ fault: drop, times: 1, match: (r) => r.path.endsWith("/models") }]);
    expect(book.take(request(CHAT), [])).toEqual([]);
    expect(book.take(request("/compatible-mode/v1/models"), [])).toEqual([drop]);
    expect(book.take(request("/compatible-mode/v1/models"), [])).toEqual([]);
  });

  it.each([
    [{ model: "qwen-max" }, ["qwen-plus", "qwen-max"], [[], [rateLimit]]],
    [{ path: "/compatible-mode/v1/models" }, ["qwen-plus"], [[]]],
    [{ host: "dashscope.aliyuncs.com", model: "qwen-plus" }, ["qwen-plus"], [[rateLimit]]],
    [{ host: "dashscope-intl.aliyuncs.com" }, ["qwen-plus"], [[]]],
  ])("matches by data: %j", (match, models, expected) => {
    const book = createFaultBook([{ fault: rateLimit, match }]);
    expect(models.map((model) => book.take(request(CHAT, model), []))).toEqual(expected);
  });

  it("checks run-time rules first, and reset() drops them and restores uses", () => {
    const book = createFaultBook([{ fault: rateLimit, times: 1 }]);
    const r = request("/v1/chat/completions");
    book.use([{ fault: drop }]);
    expect(book.take(r, [])).toEqual([drop]);
    book.reset();
    expect([book.take(r, []), book.take(r, [])]).toEqual([[rateLimit], []]);
    book.reset();
    expect(book.take(r, [])).toEqual([rateLimit]);
  });

  it("spends a header fault's `times` per distinct fault, and reset() restarts the count", () => {
    const book = createFaultBook();
    const once: HeaderFaultRule = { fault: rateLimit, times: 1 };
    const twice: HeaderFaultRule = { fault: { type: "missing-done" }, times: 2 };
    const r = request(CHAT);
    expect(book.take(r, [once, twice])).toEqual([rateLimit, { type: "missing-done" }]);
    expect(book.take(r, [once, twice])).toEqual([{ type: "missing-done" }]);
    expect(book.take(r, [once, twice])).toEqual([]);
    expect(book.take(r, [{ fault: rateLimit }])).toEqual([rateLimit]);
    book.reset();
    expect(book.take(r, [once])).toEqual([rateLimit]);
  });

  it("puts header faults before the rule's, so the header wins a shared slot", () => {
    const book = createFaultBook([{ fault: rateLimit }]);
    const header: HeaderFaultRule = { fault: { type: "error", error: "internal-error" } };
    expect(book.take(request(CHAT), [header])).toEqual([header.fault, rateLimit]);
  });

  it("lists every rule with its uses, in the order they are checked", () => {
    const book = createFaultBook([{ fault: rateLimit, times: 2, match: () => true }]);
    book.use([{ fault: drop, match: { model: "qwen-plus" } }]);
    book.take(request(CHAT), []);
    expect(book.list()).toEqual([
      { fault: drop, used: 1, match: { model: "qwen-plus" }, source: "runtime" },
      { fault: rateLimit, times: 2, used: 0, match: "function", source: "setup" },
    ]);
  });

  it.each<[string, unknown]>([
    ["unknown fault 'explode'", { fault: { type: "explode" } }],
    [
      "slow-first-byte: delayMs must be a whole number from 0 to 2147483647",
      {
        fault: { type: "slow-first-byte", delayMs: 2 ** 31 },
      },
    ],
    [
      "retryAfterSeconds must be a whole number",
      { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1e23 } },
    ],
    [
      "retryAfterSeconds must be a whole number",
      { fault: { type: "error", error: "rate-limit", retryAfterSeconds: 1.5 } },
    ],
    ["error needs error", { fault: { type: "error" } }],
    ["'delay' is not a parameter of chunk-delay", { fault: { type: "chunk-delay", delay: 1 } }],
    ["times must be a whole number of 1 or more", { fault: rateLimit, times: 0 }],
    ["'model2' is not a match key", { fault: rateLimit, match: { model2: "x" } }],
    ["'count' is not a rule key", { fault: rateLimit, count: 1 }],
  ])("refuses a rule that does not fit the table: %s", (message, rule) => {
    expect(() => createFaultBook([rule as never])).toThrowError(MockControlError);
    expect(() => createFaultBook([rule as never])).toThrowError(message);
    expect(() => createFaultBook().use([rule as never])).toThrowError(message);
  });
});
