import type { ConformanceReport } from "../result.js";
import { plainText } from "./text.js";

const ENTITIES: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  // In an attribute, a literal tab or line feed would be normalised to a space by the parser.
  "\t": "&#9;",
  "\n": "&#10;",
};

/** Text for an XML attribute: control characters removed, markup and whitespace escaped. */
const attribute = (text: string) => plainText(text).replace(/[<>&"'\t\n]/g, (c) => ENTITIES[c] ?? c);

/** The `--junit` report: a test suite per host, a test case per feature; always well-formed XML. */
export function formatJunit(report: ConformanceReport): string {
  const hosts = [...new Set(report.results.map((r) => r.host))];
  const suites = hosts.map((host) => {
    const cells = report.results.filter((r) => r.host === host);
    const seconds = (ms: number) => (ms / 1000).toFixed(3);
    const cases = cells.map((r) => {
      const open = `    <testcase classname="qwenkit.conformance.${attribute(host)}" name="${attribute(r.feature)}" time="${seconds(r.ms)}"`;
      if (r.status === "pass") return `${open}/>`;
      const child =
        r.status === "fail"
          ? `<failure message="${attribute(r.detail)}"/>`
          : `<skipped message="${attribute(r.detail)}"/>`;
      return `${open}>\n      ${child}\n    </testcase>`;
    });
    const count = (status: string) => cells.filter((r) => r.status === status).length;
    const time = seconds(cells.reduce((sum, r) => sum + r.ms, 0));
    return [
      `  <testsuite name="${attribute(`${report.target}:${host}`)}" tests="${cells.length}" failures="${count("fail")}" skipped="${count("skip")}" errors="0" time="${time}">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="qwenkit-conformance">',
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
