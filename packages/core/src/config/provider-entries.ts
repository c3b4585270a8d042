import { optionalRecord } from "../validate.js";

/** One `models.providers.<key>` entry and its config path. */
export interface ProviderEntry {
  readonly path: string;
  readonly entry: Readonly<Record<string, unknown>>;
}

/**
 * The `models.providers` entries of one provider, in precedence order: its ids in the order given
 * (canonical first, then aliases), keys matched trimmed and case-insensitively, several keys for
 * one id in the config's order. Entries that are `undefined` are left out.
 *
 * @throws {@link QwenConfigError} `invalid-option` when `models`, `models.providers` or one of
 * the entries is not an object.
 */
export function providerEntries(
  config: Readonly<Record<string, unknown>>,
  ids: readonly string[],
): ProviderEntry[] {
  const models = optionalRecord(config.models, "config.models");
  const providers = optionalRecord(models?.providers, "config.models.providers");
  if (providers === undefined) return [];
  const keys = Object.keys(providers);
  return ids.flatMap((id) =>
    keys
      .filter((key) => key.trim().toLowerCase() === id)
      .flatMap((key) => {
        const path = `config.models.providers.${key}`;
        const entry = optionalRecord(providers[key], path);
        return entry === undefined ? [] : [{ path, entry }];
      }),
  );
}

/** A field's value in the first entry that sets it, and that field's path. */
export interface FirstField {
  readonly path: string;
  readonly value: unknown;
}

/**
 * The first entry whose `field` is set: not `undefined` or `null`, not a blank string, not an
 * empty array. So a migrated config with a `qwen` entry lacking `baseUrl` and a `modelstudio`
 * entry holding it gets the `modelstudio` base URL, field by field.
 */
export function firstField(entries: readonly ProviderEntry[], field: string): FirstField | undefined {
  for (const { path, entry } of entries) {
    const value = entry[field];
    if (value === undefined || value === null) continue;
    if (typeof value === "string" && value.trim() === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return { path: `${path}.${field}`, value };
  }
  return undefined;
}
