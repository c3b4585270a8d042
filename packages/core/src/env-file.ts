import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { QwenConfigError, quoteInput } from "./errors.js";

/**
 * The env file OpenClaw reads for daemons (launchd/systemd services lack the shell's env), with
 * `~` unexpanded. qwenkit never reads it implicitly: pass `envFiles: defaultEnvFiles()` to opt in.
 */
export const DEFAULT_ENV_FILES = ["~/.openclaw/.env"] as const satisfies readonly string[];

/** Expands a leading `~` or `~/` against `home`. */
export function expandHome(path: string, home: string = homedir()): string {
  if (path === "~") return home;
  if (path.startsWith("~/")) return join(home, path.slice(2));
  return path;
}

/**
 * {@link DEFAULT_ENV_FILES} expanded against the home directory, ready for the `envFiles` option.
 *
 * @param home - the home directory; defaults to `os.homedir()`
 * @example resolveQwenConfig({ envFiles: defaultEnvFiles() })
 */
export function defaultEnvFiles(home: string = homedir()): string[] {
  return DEFAULT_ENV_FILES.map((path) => expandHome(path, home));
}

const ABSENT = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Reads a dotenv-style file with Node's `util.parseEnv` (`KEY=value` lines, `#` comments,
 * quotes, `export` prefixes). A leading `~/` is expanded. The file is only read, never executed.
 *
 * @returns the variables, or `undefined` when the file does not exist.
 * @throws {@link QwenConfigError} `invalid-option` when the path is not a string or the file
 * exists but cannot be read (permissions, a directory). The error never shows file contents.
 */
export function readEnvFile(path: string): Record<string, string> | undefined {
  if (typeof path !== "string" || path.trim() === "") {
    throw new QwenConfigError(
      "invalid-option",
      "An env file path must be a non-empty string.",
      'Pass paths such as "/etc/qwen.env" or defaultEnvFiles().',
    );
  }
  let text: string;
  try {
    text = readFileSync(expandHome(path), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== undefined && ABSENT.has(code)) return undefined;
    throw new QwenConfigError(
      "invalid-option",
      `Cannot read env file ${quoteInput(path)}${code === undefined ? "" : ` (${code})`}.`,
      "Check that the path names a readable file, or remove it from envFiles.",
      { cause: error },
    );
  }
  let parsed: NodeJS.Dict<string>;
  try {
    parsed = parseEnv(text);
  } catch {
    // The parser's message could quote the file, which may hold the key: no cause on purpose.
    throw new QwenConfigError(
      "invalid-option",
      `Cannot parse env file ${quoteInput(path)}.`,
      "Use KEY=value lines, one per line.",
    );
  }
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
