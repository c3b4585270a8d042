#!/usr/bin/env node
// Measures what each hostile input of RELIABILITY.md costs the client: time to the typed error,
// the longest event-loop block (perf_hooks.monitorEventLoopDelay) and the peak RSS, each case in
// a fresh child process (heap capped at 1 GiB, killed after 60 s) against a server on 127.0.0.1
// run by this parent process. Run by hand after a build:
//
//   pnpm --filter @qwenkit/core build && pnpm --filter @qwenkit/provider build
//   node packages/provider/scripts/hostile-figures.mjs            # every case
//   node packages/provider/scripts/hostile-figures.mjs tool-calls # cases whose name contains "tool-calls"
//
// QWENKIT_PROVIDER=/path/to/dist/index.js measures another build (e.g. an older commit's).
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { createGzip, gzipSync } from "node:zlib";

const KEY = "sk-0123456789abcdef0123456789abcdef";
const MiB = 1024 * 1024;
const SERVER_CAP = 512 * MiB; // the most any case's server writes (decoded), whatever the client does
const request = { messages: [{ role: "user", content: "Hello" }] };

/** Writes `next()` until the client goes away or `cap` bytes were written, honouring back-pressure. */
async function flood(response, sink, next, cap = SERVER_CAP) {
  let written = 0;
  while (!response.destroyed && written < cap) {
    const piece = next();
    written += piece.length;
    if (!sink.write(piece))
      await new Promise((resolve) => {
        const done = () => {
          sink.off("drain", done);
          response.off("close", done);
          resolve();
        };
        sink.on("drain", done);
        response.on("close", done);
      });
  }
  sink.end();
}

/** Answers `status` with `line` over and over (through a gzip stream when `gzip`), as `flood` does. */
function floodLines(res, status, contentType, line, { gzip = false } = {}) {
  res.writeHead(status, { "content-type": contentType, ...(gzip ? { "content-encoding": "gzip" } : {}) });
  if (!gzip) return flood(res, res, () => line);
  const sink = createGzip();
  sink.pipe(res);
  return flood(res, sink, () => line);
}

const chunk = (delta, finish = null) =>
  `data: ${JSON.stringify({ id: "chatcmpl-1", model: "qwen-plus", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** Each case: what the server does, and what the client calls. */
const CASES = {
  "sse-endless-line": {
    call: "stream",
    serve(_req, res) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: ");
      const piece = "a".repeat(64 * 1024);
      return flood(res, res, () => piece);
    },
  },
  "sse-endless-record": {
    call: "stream",
    serve: (_req, res) => floodLines(res, 200, "text/event-stream", `data: ${"x".repeat(1000)}\n`),
  },
  "sse-endless-record-gzip": {
    call: "stream",
    serve: (_req, res) =>
      floodLines(res, 200, "text/event-stream", `data: ${"x".repeat(1000)}\n`, { gzip: true }),
  },
  "error-500-endless": {
    call: "chat",
    serve: (_req, res) => floodLines(res, 500, "text/plain", `internal error ${"x".repeat(1000)}\n`),
  },
  "error-500-endless-gzip": {
    call: "chat",
    serve: (_req, res) =>
      floodLines(res, 500, "text/plain", `internal error ${"x".repeat(1000)}\n`, { gzip: true }),
  },
  "error-400-50MB-message": {
    call: "chat",
    serve(_req, res) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: "invalid_parameter_error", message: "m".repeat(50_000_000) } }),
      );
    },
  },
  "error-429-sse-8MiB-tiny-records": {
    call: "chat",
    serve(_req, res) {
      res.writeHead(429, { "content-type": "text/event-stream" });
      res.end(
        `${"data: x\n\n".repeat((8 * MiB) / 9)}data: {"error":{"code":"limit_requests","message":"slow"}}\n\n`,
      );
    },
  },
  "corrupt-gzip-500": {
    call: "chat",
    retries: 2,
    serve(_req, res) {
      res.writeHead(500, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(
        Buffer.concat([
          gzipSync('{"error":{"message":"boom"}}').subarray(0, 12),
          Buffer.from("garbage garbage"),
        ]),
      );
    },
  },
  "corrupt-gzip-200-stream": {
    call: "stream",
    retries: 2,
    serve(_req, res) {
      res.writeHead(200, { "content-type": "text/event-stream", "content-encoding": "gzip" });
      res.end(
        Buffer.concat([gzipSync(chunk({ content: "hi" })).subarray(0, 12), Buffer.from("garbage garbage")]),
      );
    },
  },
  "nested-json-400": {
    call: "chat",
    retries: 2,
    serve(_req, res) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(`{"error":${"[".repeat(30_000)}${"]".repeat(30_000)}}`);
    },
  },
  "redirect-302-other-origin": {
    call: "chat",
    retries: 2,
    serve(_req, res, other) {
      res.writeHead(302, { location: `${other}/v1/chat/completions` });
      res.end();
    },
  },
  "tool-calls-20000-indexless": {
    call: "stream",
    serve(_req, res) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const frames = [];
      for (let call = 0; call < 20_000; call += 1) {
        frames.push(
          chunk({
            tool_calls: [
              { id: `call_${call}`, type: "function", function: { name: "f", arguments: '{"n":' } },
            ],
          }),
        );
        frames.push(
          chunk({
            tool_calls: [{ id: `call_${call}`, type: "function", function: { arguments: `${call}}` } }],
          }),
        );
      }
      frames.push(chunk({}, "tool_calls"), "data: [DONE]\n\n");
      res.end(frames.join(""));
    },
  },
  "retry-after-1e2": {
    call: "chat",
    retries: 1,
    serve(_req, res) {
      if (!this.seen) {
        this.seen = true;
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1e2" });
        res.end('{"error":{"code":"limit_requests","message":"slow"}}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-1",
          choices: [{ index: 0, message: { content: "ok" }, finish_reason: "stop" }],
        }),
      );
    },
  },
  "timeout-2^31-ms": { call: "config", options: { timeout: 2 ** 31 } },
  "leaky-fetch-deep-graph": { call: "leaky" },
};

// ---- child: one case, measured ----
async function child(name, origin) {
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const target = process.env.QWENKIT_PROVIDER ?? fileURLToPath(new URL("../dist/index.js", import.meta.url));
  const { createQwenProvider } = await import(pathToFileURL(target).href);
  const spec = CASES[name];
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  let outcome;
  try {
    const options = {
      baseUrl: `${origin}/v1`,
      apiKey: KEY,
      env: {},
      maxRetries: spec.retries ?? 0,
      retryDelays: { initialDelayMs: 1, maxDelayMs: 5 },
      ...spec.options,
    };
    if (spec.call === "leaky") {
      let deep = { authorization: `Bearer ${KEY}` };
      for (let level = 0; level < 10_000; level += 1) deep = { next: deep };
      const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, KEY]));
      const error = Object.assign(
        new TypeError("fetch failed", { cause: new AggregateError([new Error(KEY, { cause: deep })], "x") }),
        { wide },
      );
      options.fetch = async () => {
        throw error;
      };
    }
    const qwen = createQwenProvider(options);
    outcome = spec.call === "stream" ? await qwen.stream(request).result : await qwen.chat(request);
    outcome = { result: `text ${outcome.text.length} chars, ${outcome.toolCalls.length} tool calls` };
  } catch (error) {
    outcome = {
      kind: error.kind ?? error.name,
      status: error.status,
      leaks: inspect(error, { depth: Infinity, showHidden: true }).includes(KEY),
    };
  }
  const ms = performance.now() - started;
  histogram.disable();
  process.send({
    ...outcome,
    ms: Math.round(ms),
    maxBlockMs: Math.round(histogram.max / 1e6),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  process.exit(0);
}

// ---- parent: servers, children, table ----
async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function measure(name) {
  const spec = CASES[name];
  const state = {};
  let requests = 0;
  const other = await listen((_req, res) => {
    res.writeHead(200);
    res.end("{}");
  });
  const endpoint = await listen((req, res) => {
    requests += 1;
    req.resume();
    Promise.resolve(spec.serve?.call(state, req, res, other.origin)).catch(() => res.destroy());
  });
  const child = fork(fileURLToPath(import.meta.url), ["--client", name, endpoint.origin], {
    execArgv: ["--max-old-space-size=1024"],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr.on("data", (piece) => {
    stderr += piece;
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const row = await new Promise((resolve) => {
    let report;
    child.on("message", (message) => {
      report = message;
    });
    child.on("exit", (code, signal) =>
      resolve(
        report ?? {
          crashed: signal ?? `exit ${code}`,
          detail: stderr.split("\n").find((line) => /heap|Error/.test(line)),
        },
      ),
    );
  });
  clearTimeout(killer);
  for (const { server } of [endpoint, other]) {
    server.closeAllConnections();
    server.close();
  }
  return { case: name, requests, ...row };
}

if (process.argv[2] === "--client") {
  await child(process.argv[3], process.argv[4]);
} else {
  const filter = process.argv[2] ?? "";
  const rows = [];
  for (const name of Object.keys(CASES).filter((candidate) => candidate.includes(filter))) {
    const row = await measure(name);
    rows.push(row);
    console.error(JSON.stringify(row));
  }
  console.log("| case | outcome | requests | time | longest block | peak RSS |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const row of rows) {
    const outcome = row.crashed
      ? `crashed (${row.crashed}) ${row.detail ?? ""}`
      : (row.result ?? `${row.kind}${row.status ? ` ${row.status}` : ""}${row.leaks ? " (KEY LEAKED)" : ""}`);
    console.log(
      `| ${row.case} | ${outcome} | ${row.requests} | ${row.ms ?? "-"} ms | ${row.maxBlockMs ?? "-"} ms | ${row.peakRssMiB ?? "-"} MiB |`,
    );
  }
}
