/**
 * What core needs from the file system: reading a small regular file, the home directory and a
 * dotenv parser. On Node (and Bun and Deno, which match the `node` export condition) the build
 * gives Node's implementation; the build that bundlers pick for browsers and workers has none,
 * and everything that needs a file says so with a clear error instead.
 */
export interface FileSystem {
  /**
   * Reads a regular file of at most `maxBytes` bytes as UTF-8. FIFOs, devices, sockets and
   * directories are refused without reading a byte (they could block or never end); the size is
   * checked on the open file, so a file swapped after a check is still bounded.
   */
  readTextFile(path: string, maxBytes: number): FileRead;
  /** The user's home directory (`os.homedir()`). */
  homeDirectory(): string;
  /** Parses dotenv text (`KEY=value` lines, `#` comments, quotes, `export`) with Node's `util.parseEnv`. */
  parseEnv(text: string): Record<string, string>;
}

/** What reading a file gave: its text, or why there is none. Never the bytes of a refused file. */
export type FileRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: "absent" }
  | { readonly ok: false; readonly reason: "not-regular"; readonly type: FileType }
  | { readonly ok: false; readonly reason: "too-large"; readonly maxBytes: number }
  | {
      readonly ok: false;
      readonly reason: "unreadable";
      readonly code: string | undefined;
      readonly cause: unknown;
    };

/** The kinds of file a path can name besides a regular file. */
export type FileType = "directory" | "FIFO" | "character device" | "block device" | "socket" | "special file";
