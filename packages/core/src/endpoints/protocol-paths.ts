import { QwenConfigError } from "../errors.js";
import { matchMockLayout, matchNativeHost, type NativeHostMatch, nativeBaseUrl } from "./match.js";

/** A protocol Model Studio serves on its hosts besides OpenAI Chat Completions. */
export interface ProtocolPathSpec {
  /** What the path is, for messages. */
  readonly label: string;
  /** Matches the path on the host (after the mock layout's host segment, if any). */
  readonly pattern: RegExp;
}

/**
 * The protocol paths of Model Studio's hosts that the OpenAI-compatible client does not speak
 * (Alibaba Cloud Model Studio docs, "Base URL overview", "Anthropic API compatibility", "OpenAI
 * Responses API" and "API compatibility upgrade notice", 2026-11-11). A base URL naming one of
 * them is a configuration mistake, caught before any request.
 */
export const PROTOCOL_PATHS = {
  "anthropic-messages": { label: "the Anthropic Messages API", pattern: /^\/apps\/anthropic(?:\/|$)/ },
  "dashscope-native": { label: "DashScope's native API", pattern: /^\/api\/v1(?:\/|$)/ },
  responses: { label: "the OpenAI Responses API", pattern: /^(?:\/compatible-mode)?\/v1\/responses(?:\/|$)/ },
  "responses-deprecated": {
    label: "the deprecated Responses API path",
    pattern: /^\/api\/v2\/apps\/protocols(?:\/|$)/,
  },
  "chat-completions": {
    label: "the chat completions endpoint (the client adds /chat/completions itself)",
    pattern: /\/chat\/completions$/,
  },
} as const satisfies Readonly<Record<string, ProtocolPathSpec>>;

/** An id of {@link PROTOCOL_PATHS}. */
export type ProtocolPathId = keyof typeof PROTOCOL_PATHS;

const PROTOCOL_PATH_IDS = Object.keys(PROTOCOL_PATHS) as readonly ProtocolPathId[];

/** What {@link checkProtocolPath} found wrong with a base URL that still works. */
export interface ProtocolPathNotice {
  /** `chat-completions` on a host that is not Model Studio's; `other-path` on a Model Studio host. */
  readonly kind: "chat-completions" | "other-path";
  /** The URL the user most likely meant. */
  readonly suggested: string | undefined;
}

/** The protocol paths a path names (all of them; the ids overlap for paths such as `/api/v1/chat/completions`). */
function protocolsOf(path: string): ProtocolPathId[] {
  return PROTOCOL_PATH_IDS.filter((id) => PROTOCOL_PATHS[id].pattern.test(path));
}

/** The Model Studio host a URL is on, directly or in the mock layout on loopback, with the OpenAI URL of that host. */
function modelStudioHost(
  url: URL,
): { readonly host: NativeHostMatch; readonly path: string; readonly openAiUrl: string } | undefined {
  const direct = matchNativeHost(url.hostname);
  if (direct !== undefined) {
    return { host: direct, path: url.pathname, openAiUrl: nativeBaseUrl(direct.host, direct.basePath) };
  }
  const inMock = matchMockLayout(url);
  if (inMock === undefined) return undefined;
  return { ...inMock, openAiUrl: `${url.origin}/${inMock.host.host}${inMock.host.basePath}` };
}

/**
 * Checks a normalized base URL for a protocol path the OpenAI-compatible client does not speak.
 * On a Model Studio host (any family, or the mock layout on loopback) a path of
 * {@link PROTOCOL_PATHS} is an error naming the OpenAI-compatible base URL of the same host, and
 * any other path that is not the host's base path is returned as an `other-path` notice. On any
 * other host a trailing `/chat/completions` is returned as a notice; everything else passes.
 *
 * @throws {@link QwenConfigError} `invalid-base-url` for a protocol path on a Model Studio host.
 */
export function checkProtocolPath(baseUrl: string): ProtocolPathNotice | undefined {
  const url = new URL(baseUrl);
  const studio = modelStudioHost(url);
  if (studio === undefined) {
    return PROTOCOL_PATHS["chat-completions"].pattern.test(url.pathname)
      ? {
          kind: "chat-completions",
          suggested: `${url.origin}${url.pathname.replace(/\/chat\/completions$/, "")}`,
        }
      : undefined;
  }
  if (studio.path === studio.host.basePath) return undefined;
  const named = protocolsOf(studio.path);
  if (named.length > 0) {
    throw new QwenConfigError(
      "invalid-base-url",
      `The base URL ${baseUrl} names ${named.map((id) => PROTOCOL_PATHS[id].label).join(" and ")}; ` +
        "qwenkit speaks OpenAI Chat Completions.",
      `Use ${studio.openAiUrl}, the OpenAI-compatible base URL of the same host.`,
    );
  }
  return { kind: "other-path", suggested: studio.openAiUrl };
}
