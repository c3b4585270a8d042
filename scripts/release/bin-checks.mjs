// The installed command-line tools, run as a user runs them from their project.
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CheckFailure, run, tail } from "./exec.mjs";

const STANDARD_KEY = "sk-release0verify0not0a0real0key";

function firstLine(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const fail = (why) => {
      clearTimeout(timer);
      reject(new CheckFailure(`dashscope-mock ${why}\n${tail(stdout + stderr)}`));
    };
    const timer = setTimeout(
      () => fail(`printed no "listening on" line within ${timeoutMs / 1000} s`),
      timeoutMs,
    );
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline !== -1) {
        clearTimeout(timer);
        resolve(stdout.slice(0, newline));
      }
    });
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was listening`));
    child.once("error", (error) => fail(`could not start: ${error.message}`));
  });
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${STANDARD_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id"),
    text: await response.text(),
  };
}

/**
 * Starts the installed `dashscope-mock` on a free loopback port and checks that it serves the
 * hostname-prefixed layout: a Standard host answers a Standard key with a completion whose id carries the
 * x-request-id, and a Coding Plan host rejects the same key with 401. Then stops it with SIGTERM.
 */
export async function checkMockBin(session, { project, env }) {
  const bin = join(project, "node_modules", ".bin", "dashscope-mock");
  const child = session.tracker.spawnTracked(bin, ["--port", "0", "--host", "127.0.0.1"], {
    cwd: project,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const line = await firstLine(child, 20_000);
    const origin = line.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)\/?$/)?.[1];
    if (origin === undefined)
      throw new CheckFailure(`dashscope-mock's first line is not "listening on <url>": ${line}`);
    // qwen3.5-plus thinks by default, which DashScope refuses on non-streaming calls.
    const request = {
      model: "qwen3.5-plus",
      messages: [{ role: "user", content: "Say hello." }],
      enable_thinking: false,
    };
    const standard = await post(
      `${origin}/dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions`,
      request,
    );
    if (standard.status !== 200) {
      throw new CheckFailure(
        `the Standard host answered ${standard.status}, not 200: ${standard.text.slice(0, 500)}`,
      );
    }
    const completion = JSON.parse(standard.text);
    const content = completion.choices?.[0]?.message?.content;
    if (typeof content !== "string" || content === "")
      throw new CheckFailure(`no reply text in ${standard.text}`);
    if (completion.id !== `chatcmpl-${standard.requestId}`) {
      throw new CheckFailure(
        `completion id ${completion.id} does not carry x-request-id ${standard.requestId}`,
      );
    }
    const coding = await post(`${origin}/coding-intl.dashscope.aliyuncs.com/v1/chat/completions`, request);
    if (coding.status !== 401) {
      throw new CheckFailure(`the Coding Plan host answered a Standard key with ${coding.status}, not 401`);
    }
    process.stdout.write(`  ${line}\n  Standard host: 200 ${JSON.stringify(content.slice(0, 60))}\n`);
    process.stdout.write("  Coding Plan host with a Standard key: 401\n");
  } finally {
    await stopChild(session, child);
  }
  if (child.exitCode !== 0 && child.signalCode !== "SIGTERM") {
    throw new CheckFailure(
      `dashscope-mock ended with ${child.exitCode ?? child.signalCode} on SIGTERM, not 0`,
    );
  }
}

/** SIGTERM, then SIGKILL after 5 s; a child that is already gone is left alone. */
async function stopChild(session, child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  session.tracker.killGroup(child, "SIGTERM");
  if ((await Promise.race([exited, sleep(5000, "timeout")])) === "timeout") {
    session.tracker.killGroup(child, "SIGKILL");
    throw new CheckFailure("dashscope-mock did not stop within 5 s of SIGTERM");
  }
}

/**
 * Runs the installed `qwenkit-conformance` with no arguments (the embedded mock) and requires a
 * clean exit and a summary line `N passed, 0 failed` with N > 0: a run that checked nothing fails.
 */
export async function checkConformanceBin(session, { project, env }) {
  const bin = join(project, "node_modules", ".bin", "qwenkit-conformance");
  const result = await run(session.tracker, bin, [], { cwd: project, env, timeoutMs: 10 * 60_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.error) throw new CheckFailure(`could not start qwenkit-conformance: ${result.error.message}`);
  if (result.timedOut)
    throw new CheckFailure(`qwenkit-conformance did not finish within 10 minutes\n${tail(output)}`);
  const summary = [...result.stdout.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
  if (result.code !== 0) {
    throw new CheckFailure(
      `qwenkit-conformance exited with ${result.code ?? result.signal}\n${tail(output, 60)}`,
    );
  }
  if (summary === undefined) {
    throw new CheckFailure(
      `qwenkit-conformance exited 0 but printed no "N passed, N failed" summary\n${tail(output)}`,
    );
  }
  const [line, passed, failed] = summary;
  if (Number(passed) === 0 || Number(failed) !== 0) {
    throw new CheckFailure(`qwenkit-conformance: ${line}\n${tail(output, 60)}`);
  }
  process.stdout.write(`${tail(result.stdout, 40)}\n`);
}
