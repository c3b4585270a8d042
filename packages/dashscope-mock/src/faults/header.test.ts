import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MockControlError } from "../control-error.js";
import { MOCK_ERROR_NAMES } from "../mock-errors.js";
import { formatFaultHeader, type HeaderFaultRule, parseFaultHeader } from "./header.js";
import { MAX_FAULT_DELAY_MS, type MockFault } from "./specs.js";

const plain = (...faults: MockFault[]): HeaderFaultRule[] => faults.map((fault) => ({ fault }));

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
    expect(parseFaultHeader(header)).toEqual(plain(...faults));
  });

  it.each<[string, HeaderFaultRule[]]>([
    ["error;error=rate-limit;times=1", [{ fault: { type: "error", error: "rate-limit" }, times: 1 }]],
    [
      "missing-done;times=3, chunk-delay;delayMs=1",
      [{ fault: { type: "missing-done" }, times: 3 }, { fault: { type: "chunk-delay", delayMs: 1 } }],
    ],
  ])("reads times=n on any fault: %j", (header, rules) => {
    expect(parseFaultHeader(header)).toEqual(rules);
  });

  it.each([
    ["explode", "unknown fault 'explode'"],
    ["error", "error needs error=…"],
    ["error;error=teapot", "error must be one of: context-too-long"],
    ["error;error=rate-limit;retryAfterSeconds=soon", "retryAfterSeconds must be a whole number"],
    ["error;error=rate-limit;sseFramed=yes", "sseFramed must be true or false"],
    ["drop-connection", "drop-connection needs afterChunks=…"],
    ["drop-connection;afterChunks=-1", "afterChunks must be a whole number"],
    ["slow-first-byte;delay=5", "'delay=5' is not a parameter of slow-first-byte"],
    ["missing-done;now=1", "key one of: times"],
    [
      `slow-first-byte;delayMs=${MAX_FAULT_DELAY_MS + 1}`,
      `delayMs must be a whole number from 0 to ${MAX_FAULT_DELAY_MS}`,
    ],
    [`chunk-delay;delayMs=${2 ** 40}`, "delayMs must be a whole number from 0 to 2147483647"],
    [
      `error;error=rate-limit;retryAfterSeconds=1${"0".repeat(23)}`,
      "retryAfterSeconds must be a whole number",
    ],
    ["error;error=rate-limit;times=0", "times must be a whole number of 1 or more"],
    ["missing-usage;times=x", "times must be a whole number of 1 or more, got 'x'"],
    ["truncated-frame;afterChunks", "'afterChunks' is not a parameter"],
  ])("rejects %j with a message that says why", (header, message) => {
    expect(() => parseFaultHeader(header)).toThrowError(MockControlError);
    expect(() => parseFaultHeader(header)).toThrowError(message);
  });

  it("round-trips every fault through formatFaultHeader", () => {
    const count = fc.nat({ max: 100_000 });
    const delay = fc.nat({ max: MAX_FAULT_DELAY_MS });
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
        delayMs: delay,
      }),
      fc.record({
        type: fc.constantFrom("missing-usage" as const, "missing-done" as const, "duplicate-done" as const),
      }),
    );
    const rule: fc.Arbitrary<HeaderFaultRule> = fc.record(
      { fault, times: fc.integer({ min: 1, max: 1_000 }) },
      { requiredKeys: ["fault"] },
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 4 }), (rules) => {
        expect(parseFaultHeader(formatFaultHeader(rules))).toEqual(rules);
      }),
    );
    fc.assert(
      fc.property(fc.array(fault, { maxLength: 4 }), (faults) => {
        expect(parseFaultHeader(formatFaultHeader(faults))).toEqual(plain(...faults));
      }),
    );
  });

  it("writes a huge retry-after as digits, never in exponent form", () => {
    const header = formatFaultHeader([
      { type: "error", error: "rate-limit", retryAfterSeconds: Number.MAX_SAFE_INTEGER },
    ]);
    expect(header).toBe(`error;error=rate-limit;retryAfterSeconds=${Number.MAX_SAFE_INTEGER}`);
    expect(header).not.toMatch(/e\+/);
  });
});
