import { capabilitiesForBaseUrl, type EndpointCapabilities } from "./capabilities.js";
import type { ResolvedQwenConfig } from "./resolve.js";

/**
 * What the user said about streaming usage, kept on the resolved config so that every model (not
 * only the configured one) is decided by the same rule, from settings already read and redacted.
 */
export interface StreamingUsageSettings {
  /** The `streamingUsage` option: on or off for every model; `undefined` when not given. */
  readonly option: boolean | undefined;
  /** The config's per-model settings (`compat.supportsUsageInStreaming`), by model id. */
  readonly byModel: Readonly<Record<string, boolean>>;
}

/** Streaming usage for `modelId`: the option, else the config's setting for that model, else `detected`. */
function decideStreamingUsage(settings: StreamingUsageSettings, modelId: string, detected: boolean): boolean {
  if (settings.option !== undefined) return settings.option;
  return Object.hasOwn(settings.byModel, modelId) ? (settings.byModel[modelId] ?? detected) : detected;
}

/**
 * The capabilities requests for `modelId` are shaped by: the endpoint's (detected from the base
 * URL, or `endpoint` when the caller shapes by other rules, e.g. the native ones on any URL), with
 * streaming usage decided for that model by {@link decideStreamingUsage}. Pure; no I/O.
 *
 * @example
 * const resolved = resolveQwenConfig({ env: { QWEN_API_KEY: "sk-…" } });
 * capabilitiesForModel(resolved, "qwen3-coder-plus").streamingUsage; // true on a native host
 */
export function capabilitiesForModel(
  resolved: Pick<ResolvedQwenConfig, "endpoint" | "streamingUsageSettings">,
  modelId: string,
  endpoint: EndpointCapabilities = capabilitiesForBaseUrl(resolved.endpoint.baseUrl),
): EndpointCapabilities {
  const streamingUsage = decideStreamingUsage(
    resolved.streamingUsageSettings,
    modelId,
    endpoint.streamingUsage,
  );
  return { ...endpoint, streamingUsage };
}
