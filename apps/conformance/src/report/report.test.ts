import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_HOSTS } from "../hosts.js";
import type { CellResult, ConformanceReport } from "../result.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatTable } from "./table.js";
import { plainText } from "./text.js";

const results: CellResult[] = [
  { host: "dashscope-cn-beijing", feature: "chat", status: "pass", ms: 12, detail: "ok" },
  {
    host: "dashscope-cn-beijing",
    feature: "abort",
    status: "fail",
    ms: 30,
    detail: 'expected <aborted> & "kept"',
  },
  { host: "coding-plan-ap-southeast-1", feature: "chat", status: "skip", ms: 0, detail: "no key" },
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
    expect(lines[0]).toMatch(
      new RegExp(`^feature\\s+${CONFORMANCE_HOSTS.map((host) => host.id).join("\\s+")}$`),
    );
    expect(lines[2]).toMatch(/^non-streaming completion\s+pass 12ms\s+skip 0ms$/);
    expect(lines[3]).toMatch(/^abort mid-stream\s+FAIL 30ms$/);
  });

  it("ends with the counts and each failure's detail", () => {
    expect(table).toContain("1 passed, 1 failed, 1 skipped");
    expect(table).toContain(`FAIL dashscope-cn-beijing / abort: expected <aborted> & "kept"`);
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
      '<testsuite name="mock:dashscope-cn-beijing" tests="2" failures="1" skipped="0" errors="0" time="0.042">',
    );
    expect(xml).toContain(
      '<testsuite name="mock:coding-plan-ap-southeast-1" tests="1" failures="0" skipped="1" errors="0" time="0.000">',
    );
  });

  it("escapes details into failure and skipped messages", () => {
    expect(xml).toContain('<failure message="expected &lt;aborted&gt; &amp; &quot;kept&quot;"/>');
    expect(xml).toContain('<skipped message="no key"/>');
    expect(xml).toContain(
      '<testcase classname="qwenkit.conformance.dashscope-cn-beijing" name="chat" time="0.012"/>',
    );
  });
});

const ESC = "\u001b";
/** The characters of `text` below U+0020 (but tab, newline, CR) or U+FFFE/U+FFFF: not allowed as such in XML. */
const notXml = (text: string) =>
  [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code < 0x20 && !"\t\n\r".includes(c)) || code === 0xfffe || code === 0xffff;
  });
const coloured = `${ESC}[31mHTTP 500${ESC}[0m ${ESC}]8;;https://x.example${ESC}\\link${ESC}]8;;${ESC}\\ bell\u0007 nul\u0000 cr\r end`;

describe("control characters in details", () => {
  it("plainText drops ANSI colour, hyperlink and cursor codes and other controls, keeps tab and newline", () => {
    expect(plainText(coloured)).toBe("HTTP 500 link bell nul cr end");
    expect(plainText("a\tb\nc")).toBe("a\tb\nc");
    expect(plainText("lone \ud800 surrogate \uffff")).toBe("lone  surrogate ");
  });

  it("JUnit: an ANSI code in a message leaves valid XML with the readable text", () => {
    const xml = formatJunit({
      target: "live",
      results: [
        { host: "coding-plan-ap-southeast-1", feature: "chat", status: "fail", ms: 1, detail: coloured },
      ],
    });
    expect(xml).toContain('<failure message="HTTP 500 link bell nul cr end"/>');
    expect(notXml(xml)).toEqual([]);
  });

  it("JUnit: any detail round-trips to its plain text through the message attribute", () => {
    const decode = (text: string) =>
      text.replace(
        /&(lt|gt|amp|quot|apos|#9|#10);/g,
        (_, name: string) =>
          ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#9": "\t", "#10": "\n" })[name] ?? "",
      );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (detail) => {
        const xml = formatJunit({
          target: "mock",
          results: [{ host: "dashscope-cn-beijing", feature: "chat", status: "fail", ms: 0, detail }],
        });
        const message = /<failure message="([^"]*)"\/>/.exec(xml)?.[1];
        expect(message).toBeDefined();
        // Only XML 1.0 characters, and no raw markup inside the attribute.
        expect(message).not.toMatch(/[<>&](?!(lt|gt|amp|quot|apos|#9|#10);)/);
        expect(notXml(message ?? "")).toEqual([]);
        expect(message).not.toMatch(/[\t\n]/);
        expect(decode(message ?? "")).toBe(plainText(detail));
      }),
    );
  });

  it("the terminal table prints failures without escape codes", () => {
    const table = formatTable(
      [{ host: "coding-plan-ap-southeast-1", feature: "chat", status: "fail", ms: 1, detail: coloured }],
      CONFORMANCE_HOSTS,
      [{ id: "chat", title: "chat" }],
    );
    expect(table).toContain("FAIL coding-plan-ap-southeast-1 / chat: HTTP 500 link bell nul cr end");
    expect(table).not.toContain(ESC);
  });
});
