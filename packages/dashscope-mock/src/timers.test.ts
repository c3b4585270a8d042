import { describe, expect, it } from "vitest";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { chatRequest, streamed, testHost } from "./test-utils/hosts.js";
import { createTimers, MockClosedError } from "./timers.js";

const HOST = testHost("dashscope-intl.aliyuncs.com");
const timeouts = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("createTimers", () => {
  it("cancels pending waits on clear(), which reject", async () => {
    const timers = createTimers();
    const wait = timers.sleep(60_000);
    expect(timers.pending).toBe(1);
    timers.clear();
    await expect(wait).rejects.toBeInstanceOf(MockClosedError);
    expect(timers.pending).toBe(0);
  });
});

describe("close()", () => {
  it("leaves no fault timer behind: a slow first byte becomes a network error instead of keeping the process alive", async () => {
    const mock = createDashscopeMockHandler();
    const before = timeouts();
    const pending = mock.handle(
      chatRequest(HOST.baseUrl, streamed("qwen-plus"), {
        key: HOST.key,
        headers: { "x-mock-fault": "slow-first-byte;delayMs=600000" },
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(timeouts()).toBe(before + 1);
    mock.close();
    expect((await pending).type).toBe("error");
    expect(timeouts()).toBe(before);
  });

  it("ends a stream waiting on a chunk delay with an error", async () => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(
      chatRequest(HOST.baseUrl, streamed("qwen-plus"), {
        key: HOST.key,
        headers: { "x-mock-fault": "chunk-delay;delayMs=600000" },
      }),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const next = reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    const before = timeouts();
    mock.close();
    await expect(next).rejects.toBeInstanceOf(MockClosedError);
    expect(timeouts()).toBe(before - 1);
  });
});
