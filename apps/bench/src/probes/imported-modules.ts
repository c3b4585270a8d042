/**
 * The modules whose import the bench times, each with an export it must have once imported (so a
 * module that failed to load cannot look fast). The provider's figure is compared with the
 * openai SDK's alone, since the provider imports the SDK.
 */
export const IMPORTED_MODULES = {
  "@qwenkit/core": "resolveQwenConfig",
  "@qwenkit/provider": "createQwenProvider",
  openai: "default",
} as const;

export type ImportedModule = keyof typeof IMPORTED_MODULES;

export function isImportedModule(name: string): name is ImportedModule {
  return Object.hasOwn(IMPORTED_MODULES, name);
}
