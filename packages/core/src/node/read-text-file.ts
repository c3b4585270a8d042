import { QwenConfigError, quoteInput } from "../errors.js";
import type { FileSystem } from "./file-system.js";

/** What a file is, for messages: "env file", "secret file". */
export type FileRole = "env file" | "secret file";

const HINTS: Record<FileRole, string> = {
  "env file": "Point envFiles at regular dotenv files, or remove the path.",
  "secret file": "Point the secrets provider's path at a regular file.",
};

/**
 * The file system, or a clear error for a build without one (the one for browsers and workers).
 *
 * @throws {@link QwenConfigError} `invalid-option` naming what needed the file.
 */
export function requireFileSystem(
  role: FileRole,
  path: string,
  fileSystem: FileSystem | undefined,
): FileSystem {
  if (fileSystem) return fileSystem;
  throw new QwenConfigError(
    "invalid-option",
    `Cannot read ${role} ${quoteInput(path)}: this build of @qwenkit/core has no file system (bundlers pick it for browsers and edge workers).`,
    "Read files on Node, Bun or Deno (they load the Node build through the node export condition), or pass the variables in env.",
  );
}

const BYTE_ORDER_MARK = "\uFEFF";

/** `text` without a leading UTF-8 byte order mark (which editors on Windows write). */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

/** A file to read: its role and path, and how messages show it. */
export interface TextFileRequest {
  readonly role: FileRole;
  /** The path to open. */
  readonly path: string;
  /** The path as the user wrote it, for messages (before `~` or `${VAR}` expansion). */
  readonly shownAs: string;
  readonly maxBytes: number;
}

/**
 * Reads a small regular file as UTF-8, refusing anything else before reading a byte.
 *
 * @returns the text, or `undefined` when the file does not exist.
 * @throws {@link QwenConfigError} `invalid-option` for a directory, FIFO, device or socket, a file
 * over `maxBytes`, an unreadable file, or a build without a file system. Messages show the path as
 * written, never file contents.
 */
export function readTextFile(
  request: TextFileRequest,
  fileSystem: FileSystem | undefined,
): string | undefined {
  const { role, path, shownAs, maxBytes } = request;
  const read = requireFileSystem(role, shownAs, fileSystem).readTextFile(path, maxBytes);
  if (read.ok) return read.text;
  const name = `${role} ${quoteInput(shownAs)}`;
  switch (read.reason) {
    case "absent":
      return undefined;
    case "not-regular":
      throw new QwenConfigError(
        "invalid-option",
        `The ${name} is a ${read.type}, not a regular file; it was not read.`,
        HINTS[role],
      );
    case "too-large":
      throw new QwenConfigError(
        "invalid-option",
        `The ${name} is larger than ${read.maxBytes} bytes; it was not read.`,
        HINTS[role],
      );
    case "unreadable":
      throw new QwenConfigError(
        "invalid-option",
        `Cannot read ${name}${read.code === undefined ? "" : ` (${read.code})`}.`,
        "Check that the path names a readable file.",
        // The file system's error names the expanded path; keep it only when that is what was written.
        shownAs === path ? { cause: read.cause } : undefined,
      );
  }
}
