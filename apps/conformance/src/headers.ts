/**
 * Extra request headers for a run (`--header`, `QWEN_CONFORMANCE_HEADERS`) and the User-Agent
 * (`--user-agent`, `QWEN_CONFORMANCE_USER_AGENT`): a gateway in front of DashScope may want to
 * know who is calling, or need a header of its own.
 */

/** An RFC 9110 field name: one or more token characters. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Control characters would split or corrupt the request line; tab is allowed inside a value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const FORBIDDEN_IN_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** Headers qwenkit sets itself: the key, and what the HTTP client computes. */
const RESERVED = new Set(["authorization", "host", "content-length", "content-type", "transfer-encoding"]);

/** Thrown for a header the run cannot send; the message says which and why. */
export class HeaderError extends Error {
  override readonly name = "HeaderError";
}

/** Checks one header and returns it with its name lower-cased. */
export function checkHeader(name: string, value: string, source: string): [string, string] {
  const lower = name.trim().toLowerCase();
  if (!FIELD_NAME.test(lower)) throw new HeaderError(`${source}: "${name}" is not a valid header name`);
  if (RESERVED.has(lower)) {
    throw new HeaderError(
      `${source}: ${lower} is set by qwenkit${lower === "authorization" ? " from the key variables" : ""}; it cannot be overridden`,
    );
  }
  if (FORBIDDEN_IN_VALUE.test(value)) {
    throw new HeaderError(`${source}: the value of ${lower} contains a control character`);
  }
  return [lower, value.trim()];
}

/** One `--header` argument: `name=value` (or `name: value`, as curl writes it). */
export function parseHeaderArgument(text: string): [string, string] {
  const at = text.search(/[=:]/);
  if (at <= 0) throw new HeaderError(`--header "${text}": write it as name=value`);
  return checkHeader(text.slice(0, at), text.slice(at + 1), "--header");
}

/**
 * `QWEN_CONFORMANCE_HEADERS`: comma-separated `name=value` pairs with percent-encoded values, as
 * OpenTelemetry's `OTEL_EXPORTER_OTLP_HEADERS` writes them (`x-team=qa,x-note=a%2Cb`).
 */
export function parseHeaderList(text: string, source: string): [string, string][] {
  return text
    .split(",")
    .filter((pair) => pair.trim() !== "")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new HeaderError(`${source}: "${pair.trim()}" is not name=value`);
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(at + 1));
      } catch {
        throw new HeaderError(`${source}: the value of ${pair.slice(0, at).trim()} is not percent-encoded`);
      }
      return checkHeader(pair.slice(0, at), value, source);
    });
}
