import assert from "node:assert/strict";
import { test } from "node:test";
import { consumerEnv } from "./consumer-project.mjs";

test("the consumer environment drops inherited package-manager and Node settings", () => {
  const env = consumerEnv("/opt/node/bin/node", {
    HOME: "/root",
    PATH: "/usr/bin",
    npm_config_registry: "http://127.0.0.1:1/",
    NPM_CONFIG_USERCONFIG: "/work/main/.npmrc",
    pnpm_config_verify_deps_before_run: "false",
    npm_lifecycle_event: "release:verify",
    NODE_PATH: "/work/main/node_modules",
    NODE_OPTIONS: "--conditions=development",
    INIT_CWD: "/work/main",
  });
  assert.deepEqual(env, { HOME: "/root", PATH: "/opt/node/bin:/usr/bin" });
});

test("no node_modules/.bin stays on PATH, and this Node comes first", () => {
  const env = consumerEnv("/work/main/.toolchain/node/bin/node", {
    PATH: [
      "/work/main/.toolchain/bin",
      "/work/main/node_modules/.bin",
      "/work/main/scripts/node_modules/.bin/",
      "",
      "/usr/local/bin",
      "/usr/bin",
    ].join(":"),
  });
  assert.equal(env.PATH, "/work/main/.toolchain/node/bin:/work/main/.toolchain/bin:/usr/local/bin:/usr/bin");
});
