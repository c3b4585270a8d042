import type { ResolvedQwenConfig } from "@qwenkit/core";
import OpenAI, { type ClientOptions } from "openai";
import { browserOptIn } from "./browser-opt-in.js";
import type { QwenProviderOptions } from "./options.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The header names `OPENAI_CUSTOM_HEADERS` would add, parsed as the openai SDK parses it (one
 * `Name: value` per line). The SDK reads it from the environment whatever the options say.
 */
function environmentHeaderNames(): string[] {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  let raw: string | undefined;
  try {
    raw = env?.OPENAI_CUSTOM_HEADERS?.trim();
  } catch {
    // A runtime that refuses the read (Deno without --allow-env) hides the variable from the SDK
    // too: its own readEnv catches the same refusal.
    return [];
  }
  if (!raw) return [];
  return raw
    .split("\n")
    .map((line) => (line.includes(":") ? line.slice(0, line.indexOf(":")).trim() : ""))
    .filter((name) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name));
}

/**
 * The client's default headers: the caller's, and every header `OPENAI_CUSTOM_HEADERS` names
 * unset (`null`, the SDK's way to drop a default header), so the environment of an OpenAI setup
 * never sends headers to Model Studio. `Authorization` is set to the key instead of unset (the
 * SDK applies these after its own auth header).
 */
function defaultHeaders(
  given: Readonly<Record<string, string>> | undefined,
  key: string,
): Record<string, string | null> {
  const headers: Record<string, string | null> = {};
  const mine = new Set(Object.keys(given ?? {}).map((name) => name.toLowerCase()));
  for (const name of environmentHeaderNames()) {
    if (mine.has(name.toLowerCase())) continue;
    headers[name] = name.toLowerCase() === "authorization" ? `Bearer ${key}` : null;
  }
  return { ...headers, ...given };
}

/**
 * The `openai` client for the resolved endpoint. Every setting the SDK would otherwise take from
 * `OPENAI_*` environment variables is passed explicitly (`OPENAI_API_KEY`, `OPENAI_BASE_URL`,
 * `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`, `OPENAI_ADMIN_KEY`, `OPENAI_WEBHOOK_SECRET`, `OPENAI_LOG`,
 * `OPENAI_CUSTOM_HEADERS`), its logging is off (it would log response bodies that may echo the
 * key), its retries are off (qwenkit retries), and its `fetch` is `fetch` (the provider's
 * `guardedFetch`, which its streaming requests use too).
 * `util.inspect` and `JSON.stringify` of the client show the masked key only.
 */
export function openAIClient(
  config: ResolvedQwenConfig,
  options: QwenProviderOptions,
  fetch: NonNullable<ClientOptions["fetch"]>,
): OpenAI {
  const key = config.apiKey.reveal();
  const client = new OpenAI({
    apiKey: key,
    baseURL: config.endpoint.baseUrl,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: "off",
    maxRetries: 0,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    fetch,
    defaultHeaders: defaultHeaders(options.defaultHeaders, key),
    dangerouslyAllowBrowser: browserOptIn(options.dangerouslyAllowBrowser),
  });
  const summary = { baseURL: config.endpoint.baseUrl, apiKey: config.apiKey.masked };
  Object.defineProperties(client, {
    [INSPECT]: { value: () => `OpenAI ${JSON.stringify(summary)}`, enumerable: false },
    toJSON: { value: () => summary, enumerable: false },
  });
  return client;
}
