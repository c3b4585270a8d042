import type { FileSystem } from "./file-system.js";

/**
 * Stands in for `node-file-system.ts` in the build that bundlers pick for browsers, edge workers
 * and other runtimes without Node's `fs` (the `default` export condition): no file system, so
 * this build imports no `node:` module. Env files and file SecretRefs fail there with a clear error.
 */
export const platformFileSystem: FileSystem | undefined = undefined;
