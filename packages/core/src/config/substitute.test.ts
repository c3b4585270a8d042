// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} references in plain strings are what these tests are about.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { environmentOf } from "../test-utils/environment.js";
import { errorOf } from "../test-utils/error-of.js";
import { hasReference, substitute } from "./substitute.js";

const env = environmentOf({ HOST: "gw.example", PORT: "8443", KEY: "sk-from-env", BLANK: "  ", EMPTY: "" });
const at = "config.models.providers.qwen.baseUrl";

describe("substitute", () => {
  it.each([
    ["no reference", "https://dashscope.aliyuncs.com/v1", "https://dashscope.aliyuncs.com/v1", []],
    ["the whole value", "${KEY}", "sk-from-env", ["KEY"]],
    ["inside text", "https://${HOST}:${PORT}/v1", "https://gw.example:8443/v1", ["HOST", "PORT"]],
    ["the same twice", "${HOST}/${HOST}", "gw.example/gw.example", ["HOST", "HOST"]],
    ["an escaped reference stays literal", "$${KEY}", "${KEY}", []],
    ["escaped beside substituted", "$${HOST}=${HOST}", "${HOST}=gw.example", ["HOST"]],
    ["a lower-case name is not a reference", "${host}", "${host}", []],
    ["an empty reference", "${}", "${}", []],
    ["an unterminated reference", "https://${HOST", "https://${HOST", []],
    ["a lone dollar", "a$b$", "a$b$", []],
    ["$NAME without braces is text", "$HOST", "$HOST", []],
    ["an escaped lower-case name stays as written", "$${host}", "$${host}", []],
    ["a name starting with a digit is not a reference", "${1HOST}", "${1HOST}", []],
    ["a name with digits and underscores", "${_H0ST_2}", "x", ["_H0ST_2"]],
  ])("%s: %j → %j", (_label, text, value, names) => {
    const result = substitute(
      text,
      at,
      environmentOf({ HOST: "gw.example", PORT: "8443", KEY: "sk-from-env", _H0ST_2: "x" }),
    );
    expect(result.value).toBe(value);
    expect(result.variables.map((variable) => variable.name)).toEqual(names);
  });

  it("reports where each variable came from, never its value", () => {
    expect(substitute("${HOST}", at, env).variables).toEqual([{ name: "HOST", origin: { kind: "env" } }]);
  });

  it.each([
    ["unset", "${NOPE}", "NOPE"],
    ["empty", "${EMPTY}", "EMPTY"],
    ["blank", "x-${BLANK}", "BLANK"],
  ])("an %s variable is a missing-env-var error naming it and the path", (_label, text, name) => {
    const error = errorOf(() => substitute(text, at, env));
    expect(error.kind).toBe("missing-env-var");
    expect(error.message).toBe(
      `${at} names the environment variable ${name}, which is not set (looked in: env).`,
    );
    expect(error.hint).toContain(`$\${${name}}`);
  });

  it.each(["${pass:qwen/api-key}", "${gopass:team/qwen}", "prefix-${pass:x}"])(
    "refuses the command-backed secret lookup %j (qwenkit never runs commands)",
    (text) => {
      const error = errorOf(() => substitute(text, at, env));
      expect(error.kind).toBe("unsupported-secret-source");
      expect(error.message).toContain(at);
      expect(error.message).not.toContain("qwen/api-key");
    },
  );

  it("leaves ${other:…} alone: only pass and gopass are backends", () => {
    expect(substitute("${vault:x}", at, env).value).toBe("${vault:x}");
  });

  it("stays linear on a long string full of unclosed and closed references", () => {
    // 1.4 M characters: a scan that restarts at every "${" would run for minutes, past the test timeout.
    const hostile = `${"${A".repeat(200_000)}${"${}".repeat(200_000)}`;
    expect(substitute(hostile, at, env).value).toBe(hostile);
  });

  it("gives back any text without ${ unchanged", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        // Text without "${" is never touched.
        fc.pre(!text.includes("${"));
        expect(substitute(text, at, env).value).toBe(text);
      }),
    );
  });
});

describe("hasReference", () => {
  it.each([
    ["${A}", true],
    ["x${A_B}y", true],
    ["${pass:x}", true],
    ["$${A}", false],
    ["${a}", false],
    ["plain", false],
  ])("%j → %s", (text, expected) => {
    expect(hasReference(text)).toBe(expected);
  });
});
