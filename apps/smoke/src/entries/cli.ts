// Node, Deno and Bun: `<runtime> dist/cli.js <baseUrl>`. The packages load from node_modules as
// each runtime resolves them, so this checks the published entry points, not a bundle of them.
import { reportLine } from "../report-line.ts";
import { runSmoke } from "../scenario.ts";

declare const Deno: { readonly args: readonly string[] } | undefined;
declare const process: { readonly argv: readonly string[]; exitCode?: number };

const [baseUrl] = typeof Deno !== "undefined" ? Deno.args : process.argv.slice(2);
if (baseUrl === undefined) throw new Error("usage: cli.js <mock base URL>");
console.log(reportLine(await runSmoke({ baseUrl })));
