import { type ChildProcessByStdio, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { childExit } from "./test-utils/child-exit.js";
import { CODING_KEY, HOSTS } from "./test-utils/hosts.js";

// The built bin, as users run it (`pnpm build` first; turbo's test task depends on build).
const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

type Child = ChildProcessByStdio<null, Readable, Readable>;

function run(args: readonly string[]): Child {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: run \`pnpm build\` in packages/dashscope-mock first`);
  return spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function firstLine(child: Child): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString("utf8");
      const end = output.indexOf("\n");
      if (end >= 0) resolve(output.slice(0, end));
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function retry<T>(attempt: () => Promise<T>, times = 50): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= times) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function started(args: readonly string[] = []) {
  const child = run(["--port", "0", ...args]);
  const line = await firstLine(child);
  return { child, line, url: line.replace(/^listening on /, "") };
}

describe("the dashscope-mock bin", () => {
  it("prints `listening on http://127.0.0.1:P` first and serves every host to the openai SDK", async () => {
    const { child, line, url } = await started();
    try {
      expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(url).port);
      expect(port).toBeGreaterThan(0);
      for (const host of HOSTS) {
        const client = new OpenAI({
          apiKey: host.key,
          baseURL: `${url}/${host.host}${new URL(host.baseUrl).pathname}`,
          maxRetries: 0,
        });
        const stream = await client.chat.completions.create({
          model: host.model,
          messages: [{ role: "user", content: "Hi" }],
          stream: true,
          stream_options: { include_usage: true },
        });
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        expect(chunks.at(-1)?.choices).toEqual([]);
      }
    } finally {
      child.kill("SIGTERM");
    }
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "shuts down cleanly on %s, even with a stream open",
    async (signal) => {
      const { child, url } = await started();
      const ended = childExit(child);
      const response = await fetch(`${url}/dashscope.aliyuncs.com/compatible-mode/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${HOSTS[0]?.key}`, "x-mock-chunks": "1000000000" },
        body: JSON.stringify({
          model: "qwen3-coder-plus",
          messages: [{ role: "user", content: "Hi" }],
          stream: true,
        }),
      });
      await (response.body as ReadableStream<Uint8Array>).getReader().read();
      child.kill(signal);
      expect((await ended).code).toBe(0);
    },
  );

  it("keeps serving when nobody reads its output", async () => {
    const port = await freePort();
    const child = run(["--port", String(port)]);
    child.stdout.destroy();
    try {
      const response = await retry(() =>
        fetch(`http://127.0.0.1:${port}/dashscope.aliyuncs.com/compatible-mode/v1/models`, {
          headers: { authorization: `Bearer ${HOSTS[0]?.key}` },
        }),
      );
      expect(response.status).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("honours the fault header over real HTTP", async () => {
    const { child, url } = await started();
    try {
      const response = await fetch(`${url}/coding-intl.dashscope.aliyuncs.com/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${CODING_KEY}`, "x-mock-fault": "error;error=plan-quota-week" },
        body: JSON.stringify({ model: "glm-5", messages: [{ role: "user", content: "Hi" }] }),
      });
      expect(response.status).toBe(429);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        "week allocated quota exceeded",
      );
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("turns the client gate on with --coding-plan-client-gate", async () => {
    const { child, url } = await started(["--coding-plan-client-gate"]);
    try {
      const response = await fetch(`${url}/coding.dashscope.aliyuncs.com/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${CODING_KEY}` },
        body: JSON.stringify({ model: "glm-5", messages: [{ role: "user", content: "Hi" }] }),
      });
      expect(response.status).toBe(405);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("answers preflights with --cors and installs fault rules at run time", async () => {
    const { child, url } = await started(["--cors"]);
    try {
      const preflight = await fetch(`${url}/dashscope.aliyuncs.com/compatible-mode/v1/chat/completions`, {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:3000",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      const installed = await fetch(`${url}/__mock/faults`, {
        method: "POST",
        body: JSON.stringify([{ fault: { type: "error", error: "rate-limit" }, times: 1 }]),
      });
      expect(installed.status).toBe(201);
      const ask = () =>
        fetch(`${url}/dashscope.aliyuncs.com/compatible-mode/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${HOSTS[0]?.key}` },
          body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
        });
      expect([(await ask()).status, (await ask()).status]).toEqual([429, 200]);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("refuses a body above --max-body-bytes with 413", async () => {
    const { child, url } = await started(["--max-body-bytes", "100"]);
    try {
      const response = await fetch(`${url}/dashscope.aliyuncs.com/compatible-mode/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${HOSTS[0]?.key}` },
        body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "x".repeat(200) }] }),
      });
      expect(response.status).toBe(413);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("dates every reply with --clock MS (created in seconds), for byte-identical runs", async () => {
    const { child, url } = await started(["--clock", "1767225600000"]);
    try {
      const response = await fetch(`${url}/dashscope.aliyuncs.com/compatible-mode/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${HOSTS[0]?.key}` },
        body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
      });
      expect(await response.json()).toMatchObject({ created: 1_767_225_600 });
    } finally {
      child.kill("SIGTERM");
    }
  });

  it.each([["--version"], ["-v"]])("prints the package version with %s", async (flag) => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const { code, stdout } = await childExit(run([flag]));
    expect(code).toBe(0);
    expect(stdout).toBe(`${manifest.version}\n`);
  });

  it.each([
    [["--port", "http"], "--port must be a whole number"],
    [["--port", "70000"], "--port must be a whole number"],
    [["--max-body-bytes", "1e6"], "--max-body-bytes must be a whole number"],
    [["--clock", "2026-01-01"], "--clock must be a whole number of milliseconds"],
    [["--verbose"], "Unknown option '--verbose'"],
  ])("exits 2 with a message for %j", async (args, message) => {
    const { code, stderr } = await childExit(run(args));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("binds keys to workspaces with --workspace-key and lists a base URL per family and region", async () => {
    const own = "sk-cli-workspace-own-000000a1b2";
    const { child, url } = await started(["--workspace-key", `ws-cli=${own}`]);
    const output = childExit(child);
    try {
      const ask = (key: string) =>
        fetch(`${url}/ws-cli.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}` },
          body: JSON.stringify({ model: "qwen-plus", messages: [{ role: "user", content: "Hi" }] }),
        });
      expect([(await ask(own)).status, (await ask(HOSTS[0]?.key ?? "")).status]).toEqual([200, 401]);
    } finally {
      child.kill("SIGTERM");
    }
    const { stderr } = await output;
    for (const line of [
      `${url}/token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1`,
      `${url}/trial.eu-central-1.maas.aliyuncs.com/compatible-mode/v1`,
      `${url}/{workspaceId}.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1`,
      `${url}/coding-intl.dashscope.aliyuncs.com/v1`,
    ]) {
      expect(stderr).toContain(line);
    }
    expect(stderr).not.toContain(own);
  });

  it("refuses a --workspace-key without a key, never echoing what follows the =", async () => {
    const { code, stderr } = await childExit(run(["--workspace-key", "ws-only"]));
    expect(code).toBe(2);
    expect(stderr).toContain("--workspace-key must be WORKSPACE=KEY");
  });

  it("prints usage with --help", async () => {
    const { code, stdout } = await childExit(run(["--help"]));
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: dashscope-mock");
  });
});
