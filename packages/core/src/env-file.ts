import { QwenConfigError, quoteInput } from "./errors.js";
import type { FileSystem } from "./node/file-system.js";
import { platformFileSystem } from "./node/node-file-system.js";
import { readTextFile, requireFileSystem, withoutByteOrderMark } from "./node/read-text-file.js";

/**
 * The env file OpenClaw reads for daemons (launchd/systemd services lack the shell's env), with
 * `~` unexpanded. qwenkit never reads it implicitly: pass `envFiles: defaultEnvFiles()` to opt in.
 */
export const DEFAULT_ENV_FILES = ["~/.openclaw/.env"] as const satisfies readonly string[];

/**
 * The largest env file read, in bytes (1 MiB). A dotenv file holding a few keys is a few hundred
 * bytes; a larger one is refused unread, so a wrong path (a log, a disk image) costs nothing.
 */
export const ENV_FILE_MAX_BYTES = 1024 * 1024;

function joinHome(home: string, rest: string): string {
  // Keep the home directory's own separator (backslashes on Windows).
  const separator = home.includes("\\") && !home.includes("/") ? "\\" : "/";
  return `${home.replace(/[\\/]+$/, "")}${separator}${rest}`;
}

/**
 * Expands a leading `~` or `~/` against `home`.
 *
 * @param home - the home directory; defaults to `os.homedir()` (needs the Node build)
 */
export function expandHome(path: string, home?: string): string {
  if (path !== "~" && !path.startsWith("~/")) return path;
  const base = home ?? requireFileSystem("env file", path, platformFileSystem).homeDirectory();
  return path === "~" ? base : joinHome(base, path.slice(2));
}

/**
 * {@link DEFAULT_ENV_FILES} expanded against the home directory, ready for the `envFiles` option.
 *
 * @param home - the home directory; defaults to `os.homedir()` (needs the Node build)
 * @example resolveQwenConfig({ envFiles: defaultEnvFiles() })
 */
export function defaultEnvFiles(home?: string): string[] {
  return DEFAULT_ENV_FILES.map((path) => expandHome(path, home));
}

/**
 * Env file text as the dotenv parser expects it: without a leading UTF-8 byte order mark (which
 * would otherwise become part of the first variable's name) and with `\r\n` and lone `\r` line
 * endings (old Mac editors) turned into `\n`.
 */
export function normalizeEnvText(text: string): string {
  return withoutByteOrderMark(text).replace(/\r\n?/g, "\n");
}

/** {@link readEnvFile} on a given file system (the build's own by default). */
export function readEnvFileWith(
  fileSystem: FileSystem | undefined,
  path: string,
): Record<string, string> | undefined {
  if (typeof path !== "string" || path.trim() === "") {
    throw new QwenConfigError(
      "invalid-option",
      "An env file path must be a non-empty string.",
      'Pass paths such as "/etc/qwen.env" or defaultEnvFiles().',
    );
  }
  const files = requireFileSystem("env file", path, fileSystem);
  const text = readTextFile(
    {
      role: "env file",
      path: expandHome(path, files.homeDirectory()),
      shownAs: path,
      maxBytes: ENV_FILE_MAX_BYTES,
    },
    files,
  );
  if (text === undefined) return undefined;
  try {
    return files.parseEnv(normalizeEnvText(text));
  } catch {
    // The parser's message could quote the file, which may hold the key: no cause on purpose.
    throw new QwenConfigError(
      "invalid-option",
      `Cannot parse env file ${quoteInput(path)}.`,
      "Use KEY=value lines, one per line.",
    );
  }
}

/**
 * Reads a dotenv-style file with Node's `util.parseEnv` (`KEY=value` lines, `#` comments,
 * quotes, `export` prefixes), after dropping a UTF-8 byte order mark and turning `\r\n` and `\r`
 * line endings into `\n`. A leading `~/` is expanded. Only regular files up to
 * {@link ENV_FILE_MAX_BYTES} are read; the file is never executed.
 *
 * @returns the variables, or `undefined` when the file does not exist.
 * @throws {@link QwenConfigError} `invalid-option` when the path is not a string, names a
 * directory, FIFO, device or socket, is over the size cap or cannot be read, or when this build
 * has no file system (the one for browsers and workers). The error never shows file contents.
 */
export function readEnvFile(path: string): Record<string, string> | undefined {
  return readEnvFileWith(platformFileSystem, path);
}
