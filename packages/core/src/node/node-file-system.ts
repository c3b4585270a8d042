import type { Stats } from "node:fs";
import type { FileRead, FileSystem, FileType } from "./file-system.js";

// Node's builtins are fetched when a file is first read, not imported: a static `import` of
// `node:fs`, `node:os` and `node:util` cost about 1 ms of every import of core, and most
// processes never read an env file or a SecretRef file. (Node ≥ 20.16, Deno ≥ 2.1 and Bun have
// `process.getBuiltinModule`; it returns the module Node already holds.)
const fs = () => process.getBuiltinModule("node:fs");

// The path is absent, or runs through a regular file (`file.env/child`).
const ABSENT = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Non-blocking, so opening a FIFO returns at once instead of waiting for a writer; no controlling
 * terminal from a tty path. Neither flag exists on Windows, where FIFOs do not either.
 */
function openFlags(): number {
  const { constants } = fs();
  return constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
}

function fileType(stats: Stats): FileType {
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "FIFO";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  return "special file";
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function readOpenFile(fd: number, maxBytes: number): FileRead {
  const { fstatSync, readSync } = fs();
  const stats = fstatSync(fd);
  if (!stats.isFile()) return { ok: false, reason: "not-regular", type: fileType(stats) };
  if (stats.size > maxBytes) return { ok: false, reason: "too-large", maxBytes };
  // One byte more than allowed tells a file that grew after fstat from one that fits.
  const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
  let length = 0;
  // Each read returns at least one byte or ends the loop, so it runs at most buffer.length times.
  while (length < buffer.length) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > maxBytes) return { ok: false, reason: "too-large", maxBytes };
  return { ok: true, text: new TextDecoder().decode(buffer.subarray(0, length)) };
}

function readTextFile(path: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    fd = fs().openSync(path, openFlags());
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && ABSENT.has(code)) return { ok: false, reason: "absent" };
    return { ok: false, reason: "unreadable", code, cause: error };
  }
  try {
    return readOpenFile(fd, maxBytes);
  } catch (error) {
    return { ok: false, reason: "unreadable", code: errorCode(error), cause: error };
  } finally {
    fs().closeSync(fd);
  }
}

/** Node's file system, as core uses it (see {@link FileSystem}). */
export const nodeFileSystem: FileSystem = {
  readTextFile,
  homeDirectory: () => process.getBuiltinModule("node:os").homedir(),
  parseEnv: (text) =>
    Object.fromEntries(
      Object.entries(process.getBuiltinModule("node:util").parseEnv(text)).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    ),
};

/** The file system of this build: Node's. The build for browsers and workers swaps this module. */
export const platformFileSystem: FileSystem | undefined = nodeFileSystem;
