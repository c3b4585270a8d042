import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MockControlError } from "./control-error.js";
import {
  createFaultBook,
  formatFaultHeader,
  type MockFault,
  NO_FAULTS,
  parseFaultHeader,
  planFaults,
} from "./faults.js";
import { MOCK_ERROR_NAMES } from "./mock-errors.js";
import type { RecordedRequest } from "./recorder.js";

describe("the x-mock-fault grammar", () => {
  it.each<[string, MockFault[]]>([
    ["error;error=rate-limit", [{ type: "error", error: "rate-limit" }]],
    [
      "error;error=rate-limit;retryAfterSeconds=2",
      [{ type: "error", error: "rate-limit", retryAfterSeconds: 2 }],
    ],
    ["error; error=arrearage; sseFramed=true", [{ type: "error", error: "arrearage", sseFramed: true }]],
    ["mid-stream-error;afterChunks=3", [{ type: "mid-stream-error", afterChunks: 3 }]],
    [
      "mid-stream-error;afterChunks=0;error=content-moderation",
      [{ type: "mid-stream-error", afterChunks: 0, error: "content-moderation" }],
    ],
    ["drop-connection;afterChunks=3", [{ type: "drop-connection", afterChunks: 3 }]],
    ["truncated-frame;afterChunks=1", [{ type: "truncated-frame", afterChunks: 1 }]],
    ["slow-first-byte;delayMs=500", [{ type: "slow-first-byte", delayMs: 500 }]],
    ["chunk-delay;delayMs=5", [{ type: "chunk-delay", delayMs: 5 }]],
    ["missing-usage", [{ type: "missing-usage" }]],
    ["missing-done", [{ type: "missing-done" }]],
    ["duplicate-done", [{ type: "duplicate-done" }]],
    [
      "chunk-delay;delayMs=5, missing-done ,duplicate-done",
      [{ type: "chunk-delay", delayMs: 5 }, { type: "missing-done" }, { type: "duplicate-done" }],
    ],
    ["", []],
  ])("parses %j", (header, faults) => {
    expect(parseFaultHeader(header)).toEqual(faults);
  });

  it.each([
    ["explode", "unknown fault 'explode'"],
    ["error", "error needs error=…"],
    ["error;error=teapot", "unknown error 'teapot'"],
    ["error;error=rate-limit;retryAfterSeconds=soon", "retryAfterSeconds must be a whole number"],
    ["error;error=rate-limit;sseFramed=yes", "sseFramed must be true or false"],
    ["drop-connection", "drop-connection needs afterChunks=…"],
    ["drop-connection;afterChunks=-1", "afterChunks must be a whole number"],
    ["slow-first-byte;delay=5", "'delay=5' is not a parameter of slow-first-byte"],
    ["missing-done;now=1", "it takes no parameters"],
    ["truncated-frame;afterChunks", "'afterChunks' is not a parameter"],
  ])("rejects %j with a message that says why", (header, message) => {
    expect(() => parseFaultHeader(header)).toThrowError(MockControlError);
    expect(() => parseFaultHeader(header)).toThrowError(message);
  });

  it("round-trips every fault through formatFaultHeader", () => {
    const count = fc.nat({ max: 100_000 });
    const errorName = fc.constantFrom(...MOCK_ERROR_NAMES);
    const fault: fc.Arbitrary<MockFault> = fc.oneof(
      fc.record(
        {
          type: fc.constant("error" as const),
          error: errorName,
          sseFramed: fc.boolean(),
          retryAfterSeconds: count,
        },
        { requiredKeys: ["type", "error"] },
      ),
      fc.record(
        { type: fc.constant("mid-stream-error" as const), afterChunks: count, error: errorName },
        { requiredKeys: ["type", "afterChunks"] },
      ),
      fc.record({
        type: fc.constantFrom("drop-connection" as const, "truncated-frame" as const),
        afterChunks: count,
      }),
      fc.record({
        type: fc.constantFrom("slow-first-byte" as const, "chunk-delay" as const),
        delayMs: count,
      }),
      fc.record({
        type: fc.constantFrom("missing-usage" as const, "missing-done" as const, "duplicate-done" as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(fault, { maxLength: 4 }), (faults) => {
        expect(parseFaultHeader(formatFaultHeader(faults))).toEqual(faults);
      }),
    );
  });
});

describe("planFaults", () => {
  it("merges faults of different kinds and keeps the first of each kind", () => {
    const plan = planFaults([
      { type: "error", error: "rate-limit" },
      { type: "chunk-delay", delayMs: 5 },
      { type: "error", error: "internal-error" },
      { type: "drop-connection", afterChunks: 2 },
      { type: "truncated-frame", afterChunks: 1 },
      { type: "missing-usage" },
    ]);
    expect(plan).toEqual({
      ...NO_FAULTS,
      error: { type: "error", error: "rate-limit" },
      chunkDelayMs: 5,
      interruption: { type: "drop-connection", afterChunks: 2 },
      missingUsage: true,
    });
  });

  it("plans nothing for no faults", () => {
    expect(planFaults([])).toEqual(NO_FAULTS);
  });
});

describe("createFaultBook", () => {
  const request = (path: string): RecordedRequest => ({
    method: "POST",
    url: `https://dashscope.aliyuncs.com${path}`,
    host: "dashscope.aliyuncs.com",
    path,
    headers: {},
    body: undefined,
  });
  const rateLimit: MockFault = { type: "error", error: "rate-limit" };
  const drop: MockFault = { type: "drop-connection", afterChunks: 1 };

  it("applies a rule `times` times, then falls through", () => {
    const book = createFaultBook([{ fault: rateLimit, times: 2 }]);
    const r = request("/compatible-mode/v1/chat/completions");
    expect([book.take(r), book.take(r), book.take(r)]).toEqual([rateLimit, rateLimit, undefined]);
  });

  it("applies a rule only to requests it matches, without spending uses on the others", () => {
    const book = createFaultBook([{ fault: drop, times: 1, match: (r) => r.path.endsWith("/models") }]);
    expect(book.take(request("/compatible-mode/v1/chat/completions"))).toBeUndefined();
    expect(book.take(request("/compatible-mode/v1/models"))).toEqual(drop);
    expect(book.take(request("/compatible-mode/v1/models"))).toBeUndefined();
  });

  it("checks run-time rules first, and reset() drops them and restores uses", () => {
    const book = createFaultBook([{ fault: rateLimit, times: 1 }]);
    const r = request("/v1/chat/completions");
    book.use([{ fault: drop }]);
    expect(book.take(r)).toEqual(drop);
    book.reset();
    expect([book.take(r), book.take(r)]).toEqual([rateLimit, undefined]);
    book.reset();
    expect(book.take(r)).toEqual(rateLimit);
  });
});
