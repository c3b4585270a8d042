// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the openclaw.json below holds ${VAR} references, as OpenClaw writes them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { setupDashscopeMock } from "@qwenkit/dashscope-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createQwenProvider } from "./provider.js";
import { drain } from "./test-utils/hosts.js";

// The keys a gateway holds: one in its process environment, one in a secrets file on disk.
const STANDARD_KEY = "sk-5ecret0gateway0env0key000000a1b2";
const TOKEN_PLAN_KEY = "sk-sp-5ecret0secrets0file0key0000c3d4";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-openclaw-e2e-"));
const secretsFile = join(dir, "secrets.json");
writeFileSync(secretsFile, JSON.stringify({ providers: { qwen: { tokenPlan: TOKEN_PLAN_KEY } } }));

/**
 * An openclaw.json as a gateway hands it over: written by `openclaw onboard` and edited by hand,
 * with a migrated `modelstudio` entry beside `qwen`, variables in `env.vars`, `${VAR}` references
 * (one in a section qwenkit never reads, whose variable is unset), a Token Plan entry whose key is
 * a file SecretRef, and keys qwenkit ignores.
 */
const OPENCLAW_JSON = `{
  "meta": { "lastTouchedVersion": "2026.11.24" },
  "env": {
    "shellEnv": { "enabled": false },
    "vars": { "QWEN_GATEWAY_HOST": "dashscope-intl.aliyuncs.com" }
  },
  "agents": {
    "defaults": {
      "model": { "primary": "qwen/qwen3.6-plus", "fallbacks": ["openai/gpt-5"] },
      "workspace": "~/.openclaw/workspace"
    }
  },
  "models": {
    "mode": "merge",
    "providers": {
      "qwen": {
        "apiKey": "\${QWEN_KEY_FROM_VAULT}",
        "api": "openai-completions",
        "models": [{ "id": "qwen3.6-plus", "name": "Qwen 3.6 Plus", "compat": { "supportsUsageInStreaming": true } }]
      },
      "modelstudio": { "baseUrl": "https://\${QWEN_GATEWAY_HOST}/compatible-mode/v1" },
      "bailian-token-plan": {
        "baseUrl": "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
        "apiKey": { "source": "file", "provider": "vault", "id": "/providers/qwen/tokenPlan" },
        "api": "openai-completions"
      },
      "openai": { "baseUrl": "https://api.openai.com/v1", "apiKey": "OPENAI_API_KEY" }
    }
  },
  "secrets": { "providers": { "vault": { "source": "file", "path": "${secretsFile}", "mode": "json" } } },
  "gateway": { "port": 18789, "auth": { "token": "\${OPENCLAW_GATEWAY_TOKEN}" } }
}`;
const configPath = join(dir, "openclaw.json");
writeFileSync(configPath, OPENCLAW_JSON);
/** The config as a gateway passes it: read from disk and parsed. */
const readConfig = (): unknown => JSON.parse(readFileSync(configPath, "utf8"));
// The gateway's process environment: the vault key only (OPENCLAW_GATEWAY_TOKEN stays unset).
const env = { QWEN_KEY_FROM_VAULT: STANDARD_KEY };

const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => {
  mock.close();
  rmSync(dir, { recursive: true, force: true });
});

const hello = [{ role: "user" as const, content: "Hello" }];
/** The tail the mock's masked Authorization header shows of a key. */
const maskedTail = (key: string) => `…${key.slice(-4)}`;

describe("a realistic openclaw.json, end to end through createQwenProvider against the mock", () => {
  it("qwen: the ${…} key from the environment, the base URL from the migrated entry with env.vars, the primary model", async () => {
    const qwen = createQwenProvider({ config: readConfig(), env });
    expect(qwen.config.model.ref).toBe("qwen/qwen3.6-plus");
    expect(qwen.config.endpoint).toMatchObject({
      baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
      plan: "standard",
      source: "config",
    });
    expect(qwen.config.keySource).toEqual({
      kind: "config",
      path: "config.models.providers.qwen.apiKey",
      via: { kind: "variables", variables: [{ name: "QWEN_KEY_FROM_VAULT", origin: { kind: "env" } }] },
    });

    const stream = qwen.stream({ messages: hello });
    const events = await drain(stream);
    const result = await stream.result;
    expect(events.length).toBeGreaterThan(0);
    expect(result.text).not.toBe("");
    expect(result.usage?.inputTokens).toBeGreaterThan(0);

    const request = mock.recorder.last();
    expect(request?.host).toBe("dashscope-intl.aliyuncs.com");
    expect(request?.path).toBe("/compatible-mode/v1/chat/completions");
    expect(request?.headers.authorization).toContain(maskedTail(STANDARD_KEY));
    expect(request?.body).toMatchObject({
      model: "qwen3.6-plus",
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("qwen-token-plan: the bailian-token-plan entry, its key from the file SecretRef", async () => {
    const qwen = createQwenProvider({
      config: readConfig(),
      env,
      providerId: "qwen-token-plan",
      model: "qwen3.6-plus",
    });
    expect(qwen.config.endpoint).toMatchObject({ plan: "token", region: "ap-southeast-1", source: "config" });
    expect(qwen.config.keySource).toEqual({
      kind: "config",
      path: "config.models.providers.bailian-token-plan.apiKey",
      via: {
        kind: "secret-ref",
        ref: { source: "file", provider: "vault", id: "/providers/qwen/tokenPlan", file: secretsFile },
      },
    });

    const result = await qwen.chat({ messages: hello });
    expect(result.text).not.toBe("");
    const request = mock.recorder.last();
    expect(request?.host).toBe("token-plan.ap-southeast-1.maas.aliyuncs.com");
    expect(request?.headers.authorization).toContain(maskedTail(TOKEN_PLAN_KEY));
  });

  it("shows neither key in the provider, its config or a failure", async () => {
    for (const providerId of ["qwen", "qwen-token-plan"]) {
      const qwen = createQwenProvider({ config: readConfig(), env, providerId, model: "qwen3.6-plus" });
      for (const text of [inspect(qwen, { depth: Number.POSITIVE_INFINITY }), JSON.stringify(qwen.config)]) {
        expect(text).not.toContain(STANDARD_KEY);
        expect(text).not.toContain(TOKEN_PLAN_KEY);
      }
    }
    // Unset, the vault variable is an error that names it (and the key from the file never shows).
    expect(() => createQwenProvider({ config: readConfig(), env: {} })).toThrow(
      expect.objectContaining({
        kind: "missing-env-var",
        message: expect.stringContaining(
          "config.models.providers.qwen.apiKey names the environment variable QWEN_KEY_FROM_VAULT",
        ),
      }),
    );
  });
});
