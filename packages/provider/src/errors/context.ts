import type { KeyKind, ResolvedEndpoint } from "@qwenkit/core";

/** What qwenkit knows about the call, to make hints precise. Every field is optional. */
export interface QwenErrorContext {
  /** The model id of the request. */
  readonly model?: string | undefined;
  /** The kind of key its prefix shows (`sk-sp-` → subscription: Coding Plan or Token Plan). */
  readonly keyKind?: KeyKind | undefined;
  /** The endpoint as `resolveQwenConfig` resolved it (a custom base URL has no plan, region or family). */
  readonly endpoint?: Partial<
    Pick<ResolvedEndpoint, "baseUrl" | "plan" | "region" | "family" | "workspaceId">
  >;
  /** The subscription plan's model list the model was judged by; default the plan's current list. */
  readonly planModels?: readonly string[] | undefined;
  /** The per-attempt timeout in milliseconds (named in timeout hints). */
  readonly timeoutMs?: number | undefined;
  /** Secrets to mask wherever the server or a lower layer echoes them. */
  readonly secrets?: readonly string[] | undefined;
}
