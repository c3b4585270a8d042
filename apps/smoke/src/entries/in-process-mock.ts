// Node, Deno and Bun: `<runtime> dist/in-process-mock.js`, reporting what the in-process mock's
// listen() did. It does not exit by hand: the smoke test fails if the process outlives its report
// (on Deno, msw's root entry keeps a BroadcastChannel open that nothing can close; the mock imports
// only `msw/http` and `msw/node`, which do not).
import { probeInProcessMock } from "../in-process-mock.ts";
import { reportLine } from "../report-line.ts";

console.log(reportLine(await probeInProcessMock()));
