// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a path written with ${VAR} is part of what is described.
import { describe, expect, it } from "vitest";
import { describeKeySource, type KeySource } from "./key-source.js";

const at = "config.models.providers.qwen.apiKey";

describe("describeKeySource", () => {
  it.each<[KeySource, string]>([
    [{ kind: "option" }, "the apiKey option"],
    [{ kind: "config", path: at }, `config ${at}`],
    [{ kind: "env", variable: "QWEN_API_KEY" }, "env QWEN_API_KEY"],
    [
      { kind: "env-file", variable: "QWEN_API_KEY", path: "~/.openclaw/.env" },
      "~/.openclaw/.env (QWEN_API_KEY)",
    ],
    [
      { kind: "config-env", variable: "QWEN_API_KEY", path: "config.env.vars.QWEN_API_KEY" },
      "config config.env.vars.QWEN_API_KEY",
    ],
    [
      {
        kind: "config",
        path: at,
        via: { kind: "variables", variables: [{ name: "QWEN_KEY", origin: { kind: "env" } }] },
      },
      `config ${at} via env QWEN_KEY`,
    ],
    [
      {
        kind: "config",
        path: at,
        via: {
          kind: "variables",
          variables: [{ name: "QWEN_KEY", origin: { kind: "env-file", path: "/etc/qwen.env" } }],
        },
      },
      `config ${at} via /etc/qwen.env (QWEN_KEY)`,
    ],
    [
      {
        kind: "config",
        path: at,
        via: {
          kind: "variables",
          variables: [
            { name: "A", origin: { kind: "env" } },
            { name: "B", origin: { kind: "config", path: "config.env.vars.B" } },
          ],
        },
      },
      `config ${at} via env A + config config.env.vars.B`,
    ],
    [
      {
        kind: "config",
        path: at,
        via: {
          kind: "secret-ref",
          ref: { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
        },
      },
      `config ${at} via SecretRef env:default:QWEN_KEY from env QWEN_KEY`,
    ],
    [
      {
        kind: "config",
        path: at,
        via: {
          kind: "secret-ref",
          ref: { source: "file", provider: "keys", id: "/qwen/apiKey", file: "${HOME}/keys.json" },
        },
      },
      `config ${at} via SecretRef file:keys:/qwen/apiKey from \${HOME}/keys.json`,
    ],
  ])("%j → %s", (source, text) => {
    expect(describeKeySource(source)).toBe(text);
  });
});
