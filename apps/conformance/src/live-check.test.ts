import { describe, expect, it } from "vitest";
import { CONFORMANCE_HOSTS } from "./hosts.js";
import { checkLiveRun } from "./live-check.js";
import type { ConformanceRun } from "./suite.js";

const hosts = CONFORMANCE_HOSTS;
const run = (target: ConformanceRun["target"], notRun: ConformanceRun["notRun"]): ConformanceRun => ({
  target,
  results: [],
  notice: "set QWEN_CONFORMANCE_LIVE=1 and a key per host",
  hosts,
  features: [],
  notRun,
});
const allSkipped = hosts.map((host) => ({ host: host.id, reason: "QWEN_CONFORMANCE_LIVE is not 1" }));
const [first] = hosts;
if (first === undefined) throw new Error("no conformance hosts");

describe("checkLiveRun", () => {
  it("says nothing for a live run where every host ran, or for a mock run", () => {
    expect(checkLiveRun(run("live", []), true)).toEqual({ lines: [], fail: false });
    expect(checkLiveRun(run("mock", allSkipped), true)).toEqual({ lines: [], fail: false });
  });

  it("says loudly that a live run sent nothing, how to fix it, and how to make it fail", () => {
    const check = checkLiveRun(run("live", allSkipped), false);
    const text = check.lines.join("\n");
    expect(check.fail).toBe(false);
    expect(text).toContain(`LIVE RUN SENT NOTHING: none of the ${hosts.length} selected hosts ran`);
    expect(text).toContain("set QWEN_CONFORMANCE_LIVE=1");
    expect(text).toContain(`  ${first.id}: QWEN_CONFORMANCE_LIVE is not 1`);
    expect(text).toContain("Pass --require-live (or set QWEN_CONFORMANCE_REQUIRE_LIVE=1)");
  });

  it("fails a live run that sent nothing under --require-live", () => {
    const check = checkLiveRun(run("live", allSkipped), true);
    expect(check.fail).toBe(true);
    expect(check.lines.join("\n")).toContain("--require-live: failing the run (exit 1)");
  });

  it("warns about a partial live run, and fails it under --require-live", () => {
    const partial = [{ host: first.id, reason: `no key for ${first.id}` }];
    const warned = checkLiveRun(run("live", partial), false);
    expect(warned.fail).toBe(false);
    expect(warned.lines.join("\n")).toContain(
      `1 of ${hosts.length} selected hosts did not run:\n  ${first.id}: no key`,
    );
    expect(checkLiveRun(run("live", partial), true).fail).toBe(true);
  });
});
