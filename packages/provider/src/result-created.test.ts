import { setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unixSeconds } from "./created.js";
import { StreamAssembler } from "./stream-assembler.js";
import { HOSTS, providerFor } from "./test-utils/hosts.js";

// 2026-12-01T00:00:00.500Z: the mock dates replies in whole seconds of its clock.
const CLOCK_MS = 1_764_547_200_500;
const mock = setupDashscopeMock({ clock: () => CLOCK_MS });
beforeAll(() => mock.listen());
afterAll(() => mock.close());

const hello = [{ role: "user" as const, content: "Hello" }];
const host = HOSTS[0];

describe("the result's created", () => {
  it("is the server's date of a non-streaming reply, in Unix seconds", async () => {
    const result = await providerFor(host).chat({ messages: hello });
    expect(result.created).toBe(Math.floor(CLOCK_MS / 1000));
  });

  it("is the server's date of a stream, from its chunks", async () => {
    const result = await providerFor(host).stream({ messages: hello }).result;
    expect(result.created).toBe(Math.floor(CLOCK_MS / 1000));
  });

  it("keeps the first date a chunk carries and drops values that are not whole Unix seconds", () => {
    const assembler = new StreamAssembler();
    assembler.push({ id: "chatcmpl-1", created: "yesterday", choices: [] } as never);
    expect(assembler.snapshot().created).toBeUndefined();
    assembler.push({ id: "chatcmpl-1", created: 1_764_547_200, choices: [] });
    assembler.push({ id: "chatcmpl-1", created: 1_764_547_999, choices: [] });
    expect(assembler.snapshot().created).toBe(1_764_547_200);
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, "1764547200", null, undefined])(
    "is undefined for %s",
    (value) => {
      expect(unixSeconds(value)).toBeUndefined();
    },
  );
});

it("refuses a fetch option that is not a function before any request", () => {
  expect(() => providerFor(host, { fetch: 42 as never })).toThrow(
    expect.objectContaining({ name: "QwenConfigError", kind: "invalid-option" }),
  );
});
