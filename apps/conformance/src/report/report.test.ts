import { describe, expect, it } from "vitest";
import { CONFORMANCE_HOSTS } from "../hosts.js";
import type { CellResult, ConformanceReport } from "../result.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatTable } from "./table.js";

const results: CellResult[] = [
  { host: "standard-china", feature: "chat", status: "pass", ms: 12, detail: "ok" },
  { host: "standard-china", feature: "abort", status: "fail", ms: 30, detail: 'expected <aborted> & "kept"' },
  { host: "coding-global", feature: "chat", status: "skip", ms: 0, detail: "no key" },
];
const report: ConformanceReport = { target: "mock", results };
const features = [
  { id: "chat", title: "non-streaming completion" },
  { id: "abort", title: "abort mid-stream" },
];

describe("terminal table", () => {
  const table = formatTable(results, CONFORMANCE_HOSTS, features);

  it("has a row per feature and a column per host", () => {
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^feature\s+standard-china\s+standard-global\s+coding-china\s+coding-global$/);
    expect(lines[2]).toMatch(/^non-streaming completion\s+pass 12ms\s+skip 0ms$/);
    expect(lines[3]).toMatch(/^abort mid-stream\s+FAIL 30ms$/);
  });

  it("ends with the counts and each failure's detail", () => {
    expect(table).toContain("1 passed, 1 failed, 1 skipped");
    expect(table).toContain(`FAIL standard-china / abort: expected <aborted> & "kept"`);
  });
});

describe("JSON report", () => {
  it("has the documented shape", () => {
    expect(JSON.parse(formatJson(report))).toEqual({ target: "mock", results });
  });
});

describe("JUnit report", () => {
  const xml = formatJunit(report);

  it("has a suite per host with counts", () => {
    expect(xml).toContain(
      '<testsuite name="mock:standard-china" tests="2" failures="1" skipped="0" errors="0" time="0.042">',
    );
    expect(xml).toContain(
      '<testsuite name="mock:coding-global" tests="1" failures="0" skipped="1" errors="0" time="0.000">',
    );
  });

  it("escapes details into failure and skipped messages", () => {
    expect(xml).toContain('<failure message="expected &lt;aborted&gt; &amp; &quot;kept&quot;"/>');
    expect(xml).toContain('<skipped message="no key"/>');
    expect(xml).toContain(
      '<testcase classname="qwenkit.conformance.standard-china" name="chat" time="0.012"/>',
    );
  });
});
