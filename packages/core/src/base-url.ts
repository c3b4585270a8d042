import { QwenConfigError, quoteInput } from "./errors.js";
import { insecureHttpWarning, type QwenWarning } from "./warnings.js";

// "host:port" looks like "scheme:rest"; a port is digits up to the end or the path.
const SCHEME = /^([a-z][a-z\d+.-]*):(.*)$/is;
const PORT_AFTER_COLON = /^\d+(?:[/?#]|$)/;

function invalid(input: string, reason: string, hint: string): QwenConfigError {
  return new QwenConfigError("invalid-base-url", `Invalid base URL ${quoteInput(input)}: ${reason}.`, hint);
}

function withScheme(input: string): string {
  if (input.startsWith("//")) return `https:${input}`;
  const match = SCHEME.exec(input);
  if (match && !PORT_AFTER_COLON.test(match[2] ?? "")) return input;
  return `https://${input}`;
}

/**
 * Normalizes a base URL the way endpoint matching needs it: trims, adds `https://` when there is
 * no scheme, lower-cases scheme and host (the URL parser does), drops the default port, query,
 * hash and trailing slashes. Idempotent: normalizing a normalized URL returns it unchanged.
 *
 * @throws {@link QwenConfigError} `invalid-base-url` when the input is empty, does not parse,
 * is not http(s), or carries a username or password.
 * @example normalizeBaseUrl(" DashScope-Intl.aliyuncs.com/compatible-mode/v1/ ")
 * // "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
 */
export function normalizeBaseUrl(input: string): string {
  if (typeof input !== "string") {
    throw new QwenConfigError(
      "invalid-base-url",
      `Invalid base URL: expected a string, got ${input === null ? "null" : typeof input}.`,
      'Pass the URL as a string, e.g. "https://dashscope-intl.aliyuncs.com/compatible-mode/v1".',
    );
  }
  const trimmed = input.trim();
  if (trimmed === "") {
    throw invalid(
      input,
      "it is empty",
      'Pass a URL such as "https://dashscope-intl.aliyuncs.com/compatible-mode/v1".',
    );
  }
  const url = URL.parse(withScheme(trimmed));
  if (url === null) {
    throw invalid(
      input,
      "it is not a valid URL",
      'Check the spelling, e.g. "https://dashscope-intl.aliyuncs.com/compatible-mode/v1".',
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(
      input,
      `the scheme ${url.protocol.slice(0, -1)} is not http or https`,
      "Use an https:// URL.",
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw invalid(
      input,
      "it contains a username or password",
      "Remove the user:password@ part; the API key is sent in the Authorization header.",
    );
  }
  if (url.hostname === "") throw invalid(input, "it has no host", "Include the host name in the URL.");
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

const HOSTNAME_CHARS = /^[a-z\d.:[\]-]+$/;

/**
 * Whether a hostname is a loopback address: `localhost`, `127.0.0.0/8` (in any form the URL
 * parser accepts, such as `127.1`), `::1` (bracketed or not) and IPv4-mapped `::ffff:127.x.x.x`.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (typeof hostname !== "string") return false;
  const host = hostname.trim().toLowerCase();
  if (!HOSTNAME_CHARS.test(host)) return false;
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  const parsed = URL.parse(`http://${bracketed}/`)?.hostname;
  if (parsed === undefined) return false;
  return (
    parsed === "localhost" ||
    parsed === "localhost." ||
    parsed === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(parsed) ||
    /^\[::ffff:7f[\da-f]{2}:[\da-f]{1,4}\]$/.test(parsed)
  );
}

/**
 * Refuses a normalized base URL that would send the key over plain `http://` to a non-loopback
 * host, unless the caller opted in; then it returns an `insecure-http` warning.
 *
 * @throws {@link QwenConfigError} `insecure-base-url`
 */
export function checkTransportSecurity(baseUrl: string, allowInsecureHttp: boolean): QwenWarning | undefined {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" || isLoopbackHost(url.hostname)) return undefined;
  if (allowInsecureHttp) return insecureHttpWarning(baseUrl);
  throw new QwenConfigError(
    "insecure-base-url",
    `Refusing to send the API key over plain http:// to ${url.host}; only loopback hosts may use http.`,
    "Use https://, or pass allowInsecureHttp: true if this host is on a network you trust.",
  );
}
