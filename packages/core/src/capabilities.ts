import { ENDPOINT_FAMILIES, type EndpointFamilyId } from "./endpoints/families.js";
import { matchNativeEndpoint } from "./endpoints/match.js";
import { optionalBoolean, optionalRecord } from "./validate.js";

/**
 * How requests to an endpoint must be shaped. Decided by the base URL alone, never by the
 * provider id: every id that points at a native DashScope host gets the native behaviour.
 */
export interface EndpointCapabilities {
  /** The base URL is a native DashScope host. */
  readonly native: boolean;
  /** Send `stream_options: { include_usage: true }` when streaming (native hosts send no usage otherwise). */
  readonly streamingUsage: boolean;
  /** Send the `developer` role as is; when false, send it as `system` (native hosts and custom URLs alike). */
  readonly developerRole: boolean;
  /** The field for the output limit; DashScope is retiring `max_tokens`. */
  readonly maxTokensField: "max_tokens" | "max_completion_tokens";
  /** `dashscope`: top-level `enable_thinking` / `thinking_budget`; `openai`: `reasoning_effort`. */
  readonly thinkingParams: "dashscope" | "openai";
  /** `tools: []` is rejected, so omit empty tools. */
  readonly rejectsEmptyTools: boolean;
  /** Non-streaming calls may think; when false, hybrid models need `enable_thinking: false` without streaming. */
  readonly nonStreamingThinking: boolean;
  /** `response_format: json_object` works together with thinking. */
  readonly jsonModeWithThinking: boolean;
  /** `GET /models` exists (custom URLs, and the native families whose row says so; see `ENDPOINT_FAMILIES`). */
  readonly modelsEndpoint: boolean;
}

// The request rules every native host shares; the families differ only in `/models`.
const NATIVE_RULES = {
  native: true,
  streamingUsage: true,
  developerRole: false,
  maxTokensField: "max_completion_tokens",
  thinkingParams: "dashscope",
  rejectsEmptyTools: true,
  nonStreamingThinking: false,
  jsonModeWithThinking: false,
} as const satisfies Omit<EndpointCapabilities, "modelsEndpoint">;

/** Capabilities of the native Model Studio hosts, by endpoint family. */
export const NATIVE_CAPABILITIES = Object.fromEntries(
  Object.entries(ENDPOINT_FAMILIES).map(([family, spec]) => [
    family,
    { ...NATIVE_RULES, modelsEndpoint: spec.modelsEndpoint },
  ]),
) as Readonly<Record<EndpointFamilyId, EndpointCapabilities>>;

/**
 * Capabilities assumed for any other base URL: plain OpenAI-compatible behaviour, except that the
 * `developer` role is sent as `system`. A custom URL is often a gateway or proxy in front of
 * DashScope, which rejects `developer`, while every OpenAI-compatible server accepts `system`
 * (OpenClaw never sends `developer` to a configured non-OpenAI base URL either).
 */
export const CUSTOM_CAPABILITIES: EndpointCapabilities = {
  native: false,
  streamingUsage: false,
  developerRole: false,
  maxTokensField: "max_tokens",
  thinkingParams: "openai",
  rejectsEmptyTools: false,
  nonStreamingThinking: true,
  jsonModeWithThinking: true,
  modelsEndpoint: true,
};

/**
 * The capabilities of the endpoint at `baseUrl`: {@link NATIVE_CAPABILITIES} when it is a native
 * Model Studio host of any family (see `matchNativeEndpoint`, which includes the mock layout on loopback), else {@link CUSTOM_CAPABILITIES}. An explicit
 * `streamingUsage` (on or off) wins over the detected value. Never throws for a string URL; a URL
 * that does not parse is treated as custom.
 *
 * @throws {@link QwenConfigError} `invalid-option` when `overrides` or its `streamingUsage` has the wrong type.
 */
export function capabilitiesForBaseUrl(
  baseUrl: string,
  overrides?: { readonly streamingUsage?: boolean },
): EndpointCapabilities {
  const streamingUsage = optionalBoolean(
    optionalRecord(overrides, "overrides")?.streamingUsage,
    "streamingUsage",
  );
  const endpoint = matchNativeEndpoint(baseUrl);
  const detected = endpoint ? NATIVE_CAPABILITIES[endpoint.family] : CUSTOM_CAPABILITIES;
  return { ...detected, streamingUsage: streamingUsage ?? detected.streamingUsage };
}
