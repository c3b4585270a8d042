import type { ConfigVariable } from "../env-variables.js";
import { Environment } from "../env-variables.js";
import { nodeFileSystem } from "../node/node-file-system.js";

/** An environment of the given layers, on Node's file system. */
export function environmentOf(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly envFiles?: readonly string[]; readonly config?: Readonly<Record<string, string>> } = {},
): Environment {
  const config = new Map<string, ConfigVariable>(
    Object.entries(options.config ?? {}).map(([name, value]) => [
      name,
      { value, path: `config.env.vars.${name}` },
    ]),
  );
  return new Environment(env, options.envFiles ?? [], config, nodeFileSystem);
}
