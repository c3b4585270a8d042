// A throwaway npm registry (Verdaccio) on the loopback interface. @qwenkit/* is served only from
// what is published to it; every other package is fetched through it from the uplink registry.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CheckFailure, tail } from "./exec.mjs";

const HOST = "127.0.0.1";
const LOG_LIMIT = 64 * 1024;

/** Verdaccio's configuration: private scope with no uplink, everything else proxied. */
export function registryConfig(dir, uplink) {
  return {
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: 1 } },
    uplinks: { upstream: { url: uplink, timeout: "60s" } },
    packages: {
      "@qwenkit/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
      "**": { access: "$all", publish: "$authenticated", proxy: "upstream" },
    },
    web: { enable: false },
    middlewares: { audit: { enabled: false } },
    log: { type: "stdout", format: "pretty", level: "warn" },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new CheckFailure(
        `verdaccio exited (${child.exitCode ?? child.signalCode}) before serving:\n${tail(log())}`,
      );
    }
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new CheckFailure(
    `verdaccio did not answer ${url}-/ping within ${timeoutMs / 1000} s:\n${tail(log())}`,
  );
}

async function createUser(url) {
  const name = "qwenkit-release";
  const password = randomBytes(24).toString("hex");
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== "string") {
    throw new CheckFailure(
      `verdaccio refused to create the publishing user (${response.status}): ${JSON.stringify(body)}`,
    );
  }
  return body.token;
}

/**
 * Starts Verdaccio from the workspace's devDependency on a free loopback port, with its storage
 * in `dir`, and creates the one user allowed to publish. Resolves to `{ url, token, npmrcLine, stop }`.
 */
export async function startRegistry(session, { dir, uplink, root, env, timeoutMs = 30_000 }) {
  const bin = join(
    dirname(createRequire(join(root, "package.json")).resolve("verdaccio/package.json")),
    "bin",
    "verdaccio",
  );
  const configPath = join(dir, "config.yaml");
  // JSON is YAML: no quoting rules to get wrong for the paths and the URL.
  writeFileSync(configPath, `${JSON.stringify(registryConfig(dir, uplink), null, 2)}\n`);
  const port = await freePort();
  const url = `http://${HOST}:${port}/`;
  const child = session.tracker.spawnTracked(
    process.execPath,
    [bin, "--config", configPath, "--listen", `${HOST}:${port}`],
    { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-LOG_LIMIT);
  };
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  const log = () => output;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    session.tracker.killGroup(child, "SIGTERM");
    const result = await Promise.race([exited, sleep(5000, "timeout")]);
    if (result === "timeout") session.tracker.killGroup(child, "SIGKILL");
  };
  session.onClose(() => session.tracker.killGroup(child, "SIGKILL"));
  try {
    await waitUntilUp(url, child, log, timeoutMs);
    const token = await createUser(url);
    const npmrcLine = `//${HOST}:${port}/:_authToken=${token}`;
    return { url, token, npmrcLine, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
