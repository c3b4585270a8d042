// A CommonJS TypeScript file (.cts) importing the ESM-only packages: TypeScript's nodenext mode
// types this as require(esm), which Node >= 22.12 runs.
import { normalizeProviderId, parseModelRef } from "@qwenkit/core";
import { createQwenProvider, type QwenProvider } from "@qwenkit/provider";

export const modelId: string = parseModelRef("dashscope/qwen3.5-plus").modelId;
export const providerId: "qwen" | "qwen-token-plan" | undefined = normalizeProviderId("modelstudio");
export const make = (apiKey: string): QwenProvider => createQwenProvider({ apiKey });

// @ts-expect-error parseModelRef takes a string
parseModelRef(null);
