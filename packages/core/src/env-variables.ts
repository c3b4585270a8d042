import { readEnvFileWith } from "./env-file.js";
import type { FileSystem } from "./node/file-system.js";

/** Where a variable's value came from (never the value). */
export type VariableOrigin =
  | { readonly kind: "env" }
  | { readonly kind: "env-file"; readonly path: string }
  /** The config's env block: `path` is `config.env.vars.<NAME>` or `config.env.<NAME>`. */
  | { readonly kind: "config"; readonly path: string };

/** A variable's name and where its value came from. */
export interface VariableRef {
  readonly name: string;
  readonly origin: VariableOrigin;
}

/** A variable found in an {@link Environment}: its value, and where that came from. */
export interface FoundVariable extends VariableRef {
  readonly value: string;
}

/** A variable of the config's env block: its value and the path it was written at. */
export interface ConfigVariable {
  readonly value: string;
  readonly path: string;
}

/** What an env file held, once read. */
export interface EnvFileOutcome {
  readonly path: string;
  readonly found: boolean;
}

/**
 * The variables qwenkit reads, layered the way OpenClaw builds its environment (a layer never
 * overrides a value an earlier one has): the `env` option (default `process.env`), then each env
 * file in order, then the config's env block. Blank values count as unset, so they never hide a
 * later layer's value. Env files are read only when a variable is not found before them, and
 * each at most once.
 */
export class Environment {
  readonly #env: Readonly<Record<string, unknown>>;
  readonly #envFiles: readonly string[];
  readonly #config: ReadonlyMap<string, ConfigVariable>;
  readonly #fileSystem: FileSystem | undefined;
  readonly #files: (Record<string, string> | undefined)[] = [];

  /**
   * @param env - the process environment (or the `env` option)
   * @param envFiles - env file paths, read lazily in this order
   * @param config - the config's env block (see `readConfigEnvBlock`)
   * @param fileSystem - what reads the env files (the build's own)
   */
  constructor(
    env: Readonly<Record<string, unknown>>,
    envFiles: readonly string[],
    config: ReadonlyMap<string, ConfigVariable>,
    fileSystem: FileSystem | undefined,
  ) {
    this.#env = env;
    this.#envFiles = envFiles;
    this.#config = config;
    this.#fileSystem = fileSystem;
  }

  /** The first non-blank value of `name`, and where it came from; `undefined` when unset everywhere. */
  get(name: string): FoundVariable | undefined {
    const fromEnv = variableIn(this.#env, name);
    if (isSet(fromEnv)) return { name, value: fromEnv, origin: { kind: "env" } };
    for (const [index, path] of this.#envFiles.entries()) {
      const vars = this.#file(index);
      const value = vars && Object.hasOwn(vars, name) ? vars[name] : undefined;
      if (isSet(value)) return { name, value, origin: { kind: "env-file", path } };
    }
    const fromConfig = this.#config.get(name);
    if (fromConfig && isSet(fromConfig.value)) {
      return { name, value: fromConfig.value, origin: { kind: "config", path: fromConfig.path } };
    }
    return undefined;
  }

  /** The env files read so far, in order, and whether each existed. */
  filesRead(): EnvFileOutcome[] {
    return this.#files.map((vars, index) => ({
      path: this.#envFiles[index] ?? "",
      found: vars !== undefined,
    }));
  }

  /** The layers, for messages: `env, env file /etc/qwen.env, config env block`. */
  describeLayers(): string {
    return [
      "env",
      ...this.#envFiles.map((path) => `env file ${path}`),
      ...(this.#config.size > 0 ? ["config env block"] : []),
    ].join(", ");
  }

  #file(index: number): Record<string, string> | undefined {
    // Files are read in order, so every file before `index` has been read already.
    while (this.#files.length <= index) {
      this.#files.push(readEnvFileWith(this.#fileSystem, this.#envFiles[this.#files.length] ?? ""));
    }
    return this.#files[index];
  }
}

function isSet(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * A variable of an environment object, or `undefined`. An environment that refuses to be read
 * (Deno's `process.env` without `--allow-env` throws) has no variables, rather than failing.
 */
export function variableIn(env: Readonly<Record<string, unknown>>, name: string): unknown {
  try {
    return Object.hasOwn(env, name) ? env[name] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `process.env` where there is one (Node, Bun, Deno, workers with Node compatibility), else no
 * variables: a browser page has no environment.
 */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return globalThis.process?.env ?? {};
}
