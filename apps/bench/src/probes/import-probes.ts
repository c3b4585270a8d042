/**
 * The imports the bench times, keyed by id. Each names the module, an export it must have once
 * imported (so a module that failed to load cannot look fast) and, for `after`, a module imported
 * first in the same process and not timed.
 *
 * The target compares `@qwenkit/provider` with `openai` alone, since the provider imports the SDK:
 * the difference of two medians of fresh processes, which moves by a few ms between runs (each
 * import varies by ~10 ms). The `@qwenkit/provider after openai` probe times the provider's own
 * share directly, once the SDK is loaded in the same process: its samples vary by about 1 ms. It
 * is shown beside the target, not instead of it: the two measure slightly different things (in
 * a fresh process the provider's and the SDK's modules load in one graph).
 */
export const IMPORT_PROBES = {
  "@qwenkit/core": { module: "@qwenkit/core", export: "resolveQwenConfig" },
  "@qwenkit/provider": { module: "@qwenkit/provider", export: "createQwenProvider" },
  openai: { module: "openai", export: "default" },
  "@qwenkit/provider after openai": {
    module: "@qwenkit/provider",
    export: "createQwenProvider",
    after: "openai",
  },
} as const satisfies Record<string, ImportProbe>;

/** One timed import. */
export interface ImportProbe {
  readonly module: string;
  readonly export: string;
  /** Imported first, untimed. */
  readonly after?: string;
}

export type ImportProbeId = keyof typeof IMPORT_PROBES;

export function isImportProbeId(id: string): id is ImportProbeId {
  return Object.hasOwn(IMPORT_PROBES, id);
}
