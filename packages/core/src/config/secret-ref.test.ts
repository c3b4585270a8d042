// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests are about.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { QwenConfigErrorKind } from "../errors.js";
import { nodeFileSystem } from "../node/node-file-system.js";
import { environmentOf } from "../test-utils/environment.js";
import { errorOf } from "../test-utils/error-of.js";
import { resolveSecretRef, SECRET_FILE_MAX_BYTES, type SecretRefContext } from "./secret-ref.js";

const SECRET = "sk-5ecret0from0a0file0abcdef0f1f2";
const dir = mkdtempSync(join(tmpdir(), "qwenkit-secret-ref-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const json = write(
  "keys.json",
  JSON.stringify({ providers: { qwen: { apiKey: SECRET }, "a/b": { "c~d": SECRET } }, list: [SECRET], n: 1 }),
);
const single = write("qwen.key", `\uFEFF  ${SECRET}\n`);
const notJson = write("broken.json", `{"apiKey": "${SECRET}"`);
mkdirSync(join(dir, "a-directory"));

const at = "config.models.providers.qwen.apiKey";
const envOnly = environmentOf(
  { QWEN_KEY: "sk-from-env", KEYS_DIR: dir },
  { config: { CONFIG_KEY: "sk-from-config" } },
);

// Env refs need no file system; file refs get Node's (or none, as in the build for browsers).
const withoutFiles = (secrets?: Record<string, unknown>): SecretRefContext => ({
  environment: envOnly,
  secrets,
  fileSystem: undefined,
});
const withFiles = (secrets?: Record<string, unknown>): SecretRefContext => ({
  ...withoutFiles(secrets),
  fileSystem: nodeFileSystem,
});

const fileProvider = (path: string, extra: Record<string, unknown> = {}) => ({
  providers: { keys: { source: "file", path, ...extra } },
});

describe("resolveSecretRef: env", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, string, unknown]>([
    [
      "the OpenClaw shape",
      { source: "env", provider: "default", id: "QWEN_KEY" },
      undefined,
      "sk-from-env",
      { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
    [
      "without a provider",
      { source: "env", id: "QWEN_KEY" },
      undefined,
      "sk-from-env",
      { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
    [
      "with other fields beside it",
      { source: "env", provider: "default", id: "QWEN_KEY", note: "rotated monthly", version: 3 },
      undefined,
      "sk-from-env",
      { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
    [
      "the default provider named by secrets.defaults.env",
      { source: "env", id: "QWEN_KEY" },
      { defaults: { env: "team" } },
      "sk-from-env",
      { source: "env", provider: "team", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
    [
      "a configured env provider whose allowlist allows it",
      { source: "env", provider: "vault", id: "QWEN_KEY" },
      { providers: { vault: { source: "env", allowlist: ["QWEN_KEY"] } } },
      "sk-from-env",
      { source: "env", provider: "vault", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
    [
      "a variable from the config env block",
      { source: "env", id: "CONFIG_KEY" },
      undefined,
      "sk-from-config",
      {
        source: "env",
        provider: "default",
        id: "CONFIG_KEY",
        origin: { kind: "config", path: "config.env.vars.CONFIG_KEY" },
      },
    ],
    [
      "padded source and id",
      { source: " env ", id: " QWEN_KEY " },
      undefined,
      "sk-from-env",
      { source: "env", provider: "default", id: "QWEN_KEY", origin: { kind: "env" } },
    ],
  ])("%s", (_label, ref, secrets, value, origin) => {
    const resolved = resolveSecretRef(ref, at, withoutFiles(secrets));
    expect(resolved.value).toBe(value);
    expect(resolved.ref).toEqual(origin);
  });

  it.each<
    [string, Record<string, unknown>, Record<string, unknown> | undefined, QwenConfigErrorKind, string]
  >([
    [
      "an unset variable",
      { source: "env", id: "NOPE" },
      undefined,
      "missing-env-var",
      `${at} names the environment variable NOPE, which is not set`,
    ],
    [
      "an id that is no variable name",
      { source: "env", id: "sk-pasted-key-0000" },
      undefined,
      "invalid-option",
      `${at}.id must be an environment variable name.`,
    ],
    [
      "an id outside the provider's allowlist",
      { source: "env", provider: "vault", id: "QWEN_KEY" },
      { providers: { vault: { source: "env", allowlist: ["OTHER"] } } },
      "invalid-option",
      "which config.secrets.providers.vault.allowlist does not allow",
    ],
    [
      "a provider of another source",
      { source: "env", provider: "keys", id: "QWEN_KEY" },
      fileProvider("/x.json"),
      "invalid-option",
      "config.secrets.providers.keys is not an env provider",
    ],
    [
      "a provider that is no alias",
      { source: "env", provider: "Not Valid!", id: "QWEN_KEY" },
      undefined,
      "invalid-option",
      "is not a provider alias",
    ],
    ["no source", { id: "QWEN_KEY" }, undefined, "invalid-option", "with a source and an id"],
    ["no id", { source: "env" }, undefined, "invalid-option", "with a source and an id"],
  ])("refuses %s", (_label, ref, secrets, kind, text) => {
    const error = errorOf(() => resolveSecretRef(ref, at, withoutFiles(secrets)));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(text);
    expect(error.message).not.toContain("sk-pasted-key");
  });
});

describe("resolveSecretRef: file", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, unknown]>([
    [
      "a JSON pointer into a JSON file",
      { source: "file", provider: "keys", id: "/providers/qwen/apiKey" },
      fileProvider(json),
      { source: "file", provider: "keys", id: "/providers/qwen/apiKey", file: json },
    ],
    [
      "a pointer with RFC 6901 escapes",
      { source: "file", provider: "keys", id: "/providers/a~1b/c~0d" },
      fileProvider(json),
      { source: "file", provider: "keys", id: "/providers/a~1b/c~0d", file: json },
    ],
    [
      "a pointer into an array",
      { source: "file", provider: "keys", id: "/list/0" },
      fileProvider(json, { mode: "json" }),
      { source: "file", provider: "keys", id: "/list/0", file: json },
    ],
    [
      "a single-value file, without its byte order mark and trimmed",
      { source: "file", provider: "keys", id: "value" },
      fileProvider(single, { mode: "singleValue" }),
      { source: "file", provider: "keys", id: "value", file: single },
    ],
    [
      "the default file provider (secrets.defaults.file)",
      { source: "file", id: "/providers/qwen/apiKey" },
      { defaults: { file: "keys" }, ...fileProvider(json) },
      { source: "file", provider: "keys", id: "/providers/qwen/apiKey", file: json },
    ],
    [
      "a path with ${VAR}, reported as written",
      { source: "file", provider: "keys", id: "/providers/qwen/apiKey" },
      fileProvider("${KEYS_DIR}/keys.json"),
      { source: "file", provider: "keys", id: "/providers/qwen/apiKey", file: "${KEYS_DIR}/keys.json" },
    ],
  ])("reads %s", (_label, ref, secrets, origin) => {
    const resolved = resolveSecretRef(ref, at, withFiles(secrets));
    expect(resolved.value).toBe(SECRET);
    expect(resolved.ref).toEqual(origin);
  });

  const ref = { source: "file", provider: "keys", id: "/providers/qwen/apiKey" };
  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, string]>([
    [
      "an unconfigured provider",
      ref,
      undefined,
      `${at} is a file SecretRef of the secrets provider "keys", but config.secrets.providers.keys is not configured.`,
    ],
    [
      "a provider of another source",
      ref,
      { providers: { keys: { source: "env" } } },
      "config.secrets.providers.keys is not a file provider",
    ],
    [
      "a provider without a path",
      ref,
      { providers: { keys: { source: "file" } } },
      "config.secrets.providers.keys.path is missing.",
    ],
    [
      "a relative path",
      ref,
      fileProvider("keys.json"),
      "config.secrets.providers.keys.path must be an absolute path.",
    ],
    [
      "an unknown mode",
      ref,
      fileProvider(json, { mode: "yaml" }),
      'config.secrets.providers.keys.mode must be "json" or "singleValue".',
    ],
    [
      "a bad maxBytes",
      ref,
      fileProvider(json, { maxBytes: -1 }),
      "config.secrets.providers.keys.maxBytes must be a positive whole number.",
    ],
    [
      "an id that is no pointer",
      { ...ref, id: "apiKey" },
      fileProvider(json),
      `${at}.id must be a JSON pointer`,
    ],
    [
      "a single-value id other than value",
      { ...ref, id: "/x" },
      fileProvider(single, { mode: "singleValue" }),
      `${at}.id must be "value"`,
    ],
    ["a missing file", ref, fileProvider(join(dir, "nope.json")), "does not exist"],
    ["a directory", ref, fileProvider(join(dir, "a-directory")), "is a directory, not a regular file"],
    [
      "a device",
      ref,
      fileProvider("/dev/zero"),
      'The secret file "/dev/zero" is a character device, not a regular file',
    ],
    ["a file over maxBytes", ref, fileProvider(json, { maxBytes: 10 }), "is larger than 10 bytes"],
    [
      "a file that is not JSON",
      ref,
      fileProvider(notJson),
      "config.secrets.providers.keys is not valid JSON.",
    ],
    [
      "a pointer to nothing",
      { ...ref, id: "/providers/nope" },
      fileProvider(json),
      'has no string at "/providers/nope"',
    ],
    ["a pointer to a number", { ...ref, id: "/n" }, fileProvider(json), 'has no string at "/n"'],
    ["a pointer past an array", { ...ref, id: "/list/7" }, fileProvider(json), 'has no string at "/list/7"'],
  ])("refuses %s, never showing the file's contents", (_label, fileRef, secrets, text) => {
    const error = errorOf(() => resolveSecretRef(fileRef, at, withFiles(secrets)));
    expect(error.kind).toBe("invalid-option");
    expect(error.message).toContain(text);
    for (const shown of [error.message, error.hint, String(error.cause ?? "")])
      expect(shown).not.toContain(SECRET);
  });

  it.skipIf(process.platform === "win32")("refuses a FIFO at once", () => {
    const fifo = join(dir, "secret.fifo");
    execFileSync("mkfifo", [fifo], { timeout: 5000 });
    const started = performance.now();
    const error = errorOf(() => resolveSecretRef(ref, at, withFiles(fileProvider(fifo))));
    expect(error.message).toContain("is a FIFO, not a regular file");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("defaults maxBytes to OpenClaw's 1 MiB", () => {
    expect(SECRET_FILE_MAX_BYTES).toBe(1024 * 1024);
    const big = write("big.json", JSON.stringify({ k: SECRET, pad: "x".repeat(SECRET_FILE_MAX_BYTES) }));
    expect(
      errorOf(() => resolveSecretRef({ ...ref, id: "/k" }, at, withFiles(fileProvider(big)))).message,
    ).toContain(`is larger than ${SECRET_FILE_MAX_BYTES} bytes`);
  });

  it("says when the build has no file system", () => {
    const error = errorOf(() => resolveSecretRef(ref, at, withoutFiles(fileProvider(json))));
    expect(error.message).toContain("this build of @qwenkit/core has no file system");
  });
});

describe("resolveSecretRef: other sources", () => {
  it.each(["exec", "store", "gcp", "keyring", "EXEC"])(
    "refuses source %j as unsupported, by name",
    (source) => {
      const error = errorOf(() =>
        resolveSecretRef({ source, provider: "vault", id: "qwen/api-key" }, at, withFiles()),
      );
      expect(error.kind).toBe("unsupported-secret-source");
      expect(error.message).toBe(
        `${at} is a SecretRef with the unsupported secret source "${source}"; qwenkit reads env and file refs only (it never runs commands).`,
      );
    },
  );

  it("masks a key pasted as the source", () => {
    const error = errorOf(() => resolveSecretRef({ source: SECRET, id: "x" }, at, withFiles()));
    expect(error.message).not.toContain(SECRET);
  });
});
