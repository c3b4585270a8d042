// Node, Deno and Bun: `<runtime> dist/in-process-mock.js`, reporting what the in-process mock's listen() did.
import { probeInProcessMock } from "../in-process-mock.ts";
import { reportLine } from "../report-line.ts";

console.log(reportLine(await probeInProcessMock()));
