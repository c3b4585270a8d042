import { describe, expect, it } from "vitest";
import { MockInterceptionError, PROBE_URL, probeInterception, runtimeName } from "./interception-probe.js";
import { setupDashscopeMock } from "./setup.js";

const fetchAnswering = (body: string) => async () => new Response(body);
const fetchFailing = async () => {
  throw new TypeError("fetch failed");
};

describe("runtimeName", () => {
  it.each<[object, string]>([
    [{ Bun: { version: "1.2.3" }, process: { versions: { node: "22.6.0" } } }, "Bun 1.2.3"],
    [{ Deno: { version: { deno: "2.1.4" } }, process: { versions: { node: "20.0.0" } } }, "Deno 2.1.4"],
    [{ process: { versions: { node: "22.12.0" } } }, "Node.js 22.12.0"],
    [{}, "this JavaScript runtime"],
  ])("names %j as %s", (scope, name) => {
    expect(runtimeName(scope)).toBe(name);
  });
});

describe("probeInterception", () => {
  it("passes when the mock's token comes back", async () => {
    await expect(probeInterception("t-1", fetchAnswering("t-1"))).resolves.toBeUndefined();
  });

  it.each([
    ["a network error (nothing intercepted)", fetchFailing],
    ["another body (someone else answered)", fetchAnswering("hello")],
  ])("fails closed on %s, naming the runtime and the standalone server", async (_label, fetchImpl) => {
    const bun = { Bun: { version: "1.2.3" } };
    const error = await probeInterception("t-1", fetchImpl as typeof fetch, bun).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(MockInterceptionError);
    expect((error as Error).message).toContain("on Bun 1.2.3");
    expect((error as Error).message).toContain("startDashscopeMockServer()");
    expect((error as Error).message).toContain("@qwenkit/dashscope-mock/server");
  });

  it("keeps the network error as the cause", async () => {
    const error = (await probeInterception("t", fetchFailing as typeof fetch).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("probes a URL that cannot leave the machine", () => {
    const url = new URL(PROBE_URL);
    expect([url.hostname, url.port]).toEqual(["127.0.0.1", "0"]);
  });
});

describe("setupDashscopeMock().listen()", () => {
  it("proves interception on Node.js, and a real fetch of the probe URL fails when not intercepted", async () => {
    const mock = setupDashscopeMock();
    await mock.listen();
    mock.close();
    await expect(fetch(PROBE_URL)).rejects.toThrow(TypeError);
  });
});
