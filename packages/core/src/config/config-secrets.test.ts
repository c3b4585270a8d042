// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeKeySource } from "../keys/key-source.js";
import { resolveQwenConfig } from "../resolve.js";
import { errorOf } from "../test-utils/error-of.js";
import { showing } from "../test-utils/renderings.js";

// Keys of every shape a user may have, including one without the sk- prefix that quoting masks.
const SECRETS = {
  standard: "sk-5ecret0standard0key0abcdef0a1b2",
  subscription: "sk-sp-5ecret0subscription0key00c3d4",
  unprefixed: "Secret0Token0Without0Prefix0e5f6",
} as const;

const dir = mkdtempSync(join(tmpdir(), "qwenkit-config-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "a-directory"));

/** Config forms that carry the key, each resolved against `env` and the files it writes. */
function forms(secret: string) {
  const jsonFile = join(dir, `keys-${secret.length}.json`);
  const singleFile = join(dir, `key-${secret.length}.txt`);
  const envFile = join(dir, `daemon-${secret.length}.env`);
  writeFileSync(jsonFile, JSON.stringify({ qwen: { apiKey: secret } }));
  writeFileSync(singleFile, `${secret}\n`);
  writeFileSync(envFile, `MY_QWEN_KEY=${secret}\n`);
  const entry = (apiKey: unknown, extra: Record<string, unknown> = {}) => ({
    models: { providers: { qwen: { apiKey } } },
    ...extra,
  });
  const fileProvider = (path: string, mode: string) => ({
    secrets: { providers: { keys: { source: "file", path, mode } } },
  });
  return [
    ["${VAR} from env", entry("${MY_QWEN_KEY}"), { MY_QWEN_KEY: secret }, []],
    ["a bare variable name", entry("MY_QWEN_KEY"), { MY_QWEN_KEY: secret }, []],
    ["${VAR} from an env file", entry("${MY_QWEN_KEY}"), {}, [envFile]],
    ["${VAR} from env.vars", entry("${MY_QWEN_KEY}", { env: { vars: { MY_QWEN_KEY: secret } } }), {}, []],
    ["QWEN_API_KEY from env.vars", { env: { vars: { QWEN_API_KEY: secret } } }, {}, []],
    [
      "an env SecretRef",
      entry({ source: "env", provider: "default", id: "MY_QWEN_KEY" }),
      { MY_QWEN_KEY: secret },
      [],
    ],
    [
      "a JSON file SecretRef",
      entry({ source: "file", provider: "keys", id: "/qwen/apiKey" }, fileProvider(jsonFile, "json")),
      {},
      [],
    ],
    [
      "a single-value file SecretRef",
      entry({ source: "file", provider: "keys", id: "value" }, fileProvider(singleFile, "singleValue")),
      {},
      [],
    ],
  ] as const;
}

describe.each(Object.entries(SECRETS))("a %s key read from config", (_label, secret) => {
  it.each(forms(secret))(
    "via %s: never in the resolved config, its warnings or key source",
    (_form, config, env, envFiles) => {
      const resolved = resolveQwenConfig({
        config,
        env,
        envFiles: [...envFiles],
        // A legacy auth choice and a model outside the plan: warnings that describe the key.
        authChoice: "modelstudio-api-key",
        model: "qwen3.7-max",
      });
      expect(resolved.apiKey.reveal()).toBe(secret);
      expect(resolved.warnings.length).toBeGreaterThan(0);
      for (const part of [
        resolved,
        resolved.warnings,
        resolved.keySource,
        describeKeySource(resolved.keySource),
      ]) {
        expect(showing(part, secret)).toEqual([]);
      }
    },
  );

  it.each([
    ["a base URL built from it", { models: { providers: { qwen: { baseUrl: "ftp://${K}/v1" } } } }],
    ["a model built from it", { agents: { defaults: { model: { primary: "qwen/${K} x" } } } }],
    ["a key with a space appended", { models: { providers: { qwen: { apiKey: "${K} tail" } } } }],
    [
      "the key placed in the base URL",
      { models: { providers: { qwen: { baseUrl: "https://${K}.example/v1" } } } },
    ],
    [
      "an env SecretRef to an unset variable",
      { models: { providers: { qwen: { apiKey: { source: "env", id: "K_MISSING" } } } } },
    ],
    [
      "a file provider whose path is the key",
      {
        models: { providers: { qwen: { apiKey: { source: "file", provider: "p", id: "value" } } } },
        secrets: { providers: { p: { source: "file", path: "${K}", mode: "singleValue" } } },
      },
    ],
    [
      "a directory as the secret file",
      {
        models: { providers: { qwen: { apiKey: { source: "file", provider: "p", id: "/x" } } } },
        secrets: { providers: { p: { source: "file", path: join(dir, "a-directory") } } },
      },
    ],
  ])("never in the error for %s", (_label, config) => {
    const error = errorOf(() => resolveQwenConfig({ config, env: { K: secret } }));
    expect(showing(error, secret)).toEqual([]);
  });

  it("never in the error for a file that is not JSON", () => {
    const broken = join(dir, `broken-${secret.length}.json`);
    writeFileSync(broken, `{"qwen": {"apiKey": "${secret}"`);
    const config = {
      models: { providers: { qwen: { apiKey: { source: "file", provider: "keys", id: "/qwen/apiKey" } } } },
      secrets: { providers: { keys: { source: "file", path: broken } } },
    };
    const error = errorOf(() => resolveQwenConfig({ config, env: {} }));
    expect(error.message).toContain("is not valid JSON");
    expect(showing(error, secret)).toEqual([]);
  });
});
