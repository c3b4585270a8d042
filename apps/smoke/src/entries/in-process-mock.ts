// Node, Deno and Bun: `<runtime> dist/in-process-mock.js`, reporting what the in-process mock's
// listen() did. It exits once it has reported: on Deno 2.9.6 a process stays alive after msw
// failed to intercept (seen here: killed at the smoke test's timeout), which is not what this
// probe checks.
import { probeInProcessMock } from "../in-process-mock.ts";
import { reportLine } from "../report-line.ts";

declare const process: { exit(code: number): never };

console.log(reportLine(await probeInProcessMock()));
process.exit(0);
