import type { ConfigVariable } from "../env-variables.js";
import { optionalRecord } from "../validate.js";
import { hasReference } from "./substitute.js";

/** Keys of OpenClaw's `env` block that are settings, not variables. */
const ENV_BLOCK_SETTINGS = new Set(["vars", "shellEnv"]);
/** A variable name any platform accepts. */
const PORTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function collect(into: Map<string, ConfigVariable>, entries: Readonly<Record<string, unknown>>, at: string) {
  for (const [key, value] of Object.entries(entries)) {
    const name = key.trim();
    // As in OpenClaw: blank values set nothing, and a value that still holds a ${VAR} reference
    // is skipped rather than applied as the literal text.
    if (
      !PORTABLE_NAME.test(name) ||
      typeof value !== "string" ||
      value.trim() === "" ||
      hasReference(value)
    ) {
      continue;
    }
    into.set(name, { value, path: `${at}.${key}` });
  }
}

/**
 * The variables an OpenClaw config's `env` block defines, as OpenClaw collects them:
 * `env.vars.<NAME>`, then the string entries `env.<NAME>` beside it (which win over `vars` for the
 * same name). `env.shellEnv` (importing a login shell's variables) is OpenClaw's to run: qwenkit
 * never starts a shell, so it is ignored. Entries that are not strings, blank, or not variable
 * names are skipped.
 *
 * @throws {@link QwenConfigError} `invalid-option` when `env` or `env.vars` is not an object.
 */
export function readConfigEnvBlock(config: Readonly<Record<string, unknown>>): Map<string, ConfigVariable> {
  const block = optionalRecord(config.env, "config.env");
  const variables = new Map<string, ConfigVariable>();
  if (block === undefined) return variables;
  const vars = optionalRecord(block.vars, "config.env.vars");
  if (vars) collect(variables, vars, "config.env.vars");
  collect(
    variables,
    Object.fromEntries(Object.entries(block).filter(([key]) => !ENV_BLOCK_SETTINGS.has(key))),
    "config.env",
  );
  return variables;
}
