// Type-checked inside the scratch consumer project against the installed packages' declarations.
// Each `@ts-expect-error` line is a misuse the declarations must reject: if the types were missing
// or `any`, the directive itself would be the error.
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createQwen, type QwenChatLanguageModel, qwenApiErrorOf } from "@qwenkit/ai-sdk";
import * as conformance from "@qwenkit/conformance";
import { type ModelRef, normalizeProviderId, parseModelRef, type ResolvedQwenConfig } from "@qwenkit/core";
import { type DashscopeMockServer, startDashscopeMockServer } from "@qwenkit/dashscope-mock";
import { createQwenProvider, QwenApiError, type QwenChatResult, type QwenProvider } from "@qwenkit/provider";

export const ref: ModelRef = parseModelRef("qwen/qwen3.5-plus");
export const providerId: "qwen" | "qwen-token-plan" | undefined = normalizeProviderId("dashscope");
export const conformanceExports: readonly string[] = Object.keys(conformance);

export async function ask(server: DashscopeMockServer): Promise<string> {
  const provider: QwenProvider = createQwenProvider({
    apiKey: "sk-typecheck",
    baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
  });
  const config: ResolvedQwenConfig = provider.config;
  const result: QwenChatResult = await provider.chat({ messages: [{ role: "user", content: "hi" }] });
  return `${config.endpoint.baseUrl}: ${result.text}`;
}

export const isQwenApiError = (error: unknown): error is QwenApiError => error instanceof QwenApiError;
export const chatModel = (server: DashscopeMockServer): LanguageModelV4 =>
  createQwen({ apiKey: "sk-typecheck", baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com") })("glm-5");
export const qwenKind = (error: unknown): string | undefined => qwenApiErrorOf(error)?.kind;
export const modelId = (model: QwenChatLanguageModel): string => model.config.model.modelId;
export const start = (): Promise<DashscopeMockServer> => startDashscopeMockServer({ port: 0 });

// @ts-expect-error parseModelRef takes a string
parseModelRef(42);
// @ts-expect-error normalizeProviderId answers "qwen" or undefined, never another provider
export const wrongId: "openai" = normalizeProviderId("qwen");
// @ts-expect-error the mock server's port is a number
startDashscopeMockServer({ port: "8080" });
// @ts-expect-error a mock server's base URL is for a hostname or a NativeEndpoint
export const notAHost = (server: DashscopeMockServer) => server.baseUrlFor(42);
// @ts-expect-error createQwen's maxRetries is a number
createQwen({ maxRetries: "2" });
