import { LIMITS } from "./limits.js";
import { SseDecoder } from "./sse-decoder.js";

/**
 * The fields of a DashScope error, whichever way it arrived: a JSON envelope
 * `{"error":{"message","type","param","code"},"request_id"}`, the same envelope SSE-framed
 * (`data: {...}`), the Coding Plan gate's `{"error": "<string>"}`, or a mid-stream error frame.
 * Raw as sent: classification masks and cuts them.
 */
export interface ProviderErrorBody {
  readonly message: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
}

const EMPTY: ProviderErrorBody = {
  message: undefined,
  code: undefined,
  type: undefined,
  param: undefined,
  requestId: undefined,
};

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0 ? value : undefined;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * Reads an error envelope (parsed JSON). Accepts the whole envelope, or just its `error` member
 * (what the openai SDK keeps), or the string-valued `error` of the 405 gate. Reads a few fields
 * and never walks the value, so a deeply nested body costs nothing here.
 */
export function readErrorEnvelope(envelope: unknown): ProviderErrorBody {
  if (typeof envelope === "string") return { ...EMPTY, message: text(envelope) };
  const outer = record(envelope);
  if (!outer) return EMPTY;
  const inner = outer.error;
  const requestId = text(outer.request_id);
  if (typeof inner === "string") return { ...EMPTY, message: text(inner), requestId };
  const fields = record(inner) ?? outer;
  return {
    message: text(fields.message),
    code: text(fields.code),
    type: text(fields.type),
    param: text(fields.param),
    requestId: requestId ?? text(fields.request_id),
  };
}

/**
 * Parses a raw error body in one pass: JSON, or SSE-framed JSON (the first `data:` record that
 * parses); otherwise the body is the message. Only the first {@link LIMITS.errorBodyBytes}
 * characters are looked at.
 */
export function parseErrorBody(raw: string): ProviderErrorBody {
  const trimmed = (raw.length > LIMITS.errorBodyBytes ? raw.slice(0, LIMITS.errorBodyBytes) : raw).trim();
  if (trimmed === "") return EMPTY;
  const json = /^[{["]/.test(trimmed) ? tryJson(trimmed) : undefined;
  if (json !== undefined) return readErrorEnvelope(json);
  const framed = trimmed.includes("data:") ? firstJsonRecord(trimmed) : undefined;
  return framed === undefined ? { ...EMPTY, message: trimmed } : readErrorEnvelope(framed);
}

/** The JSON of the first SSE record whose data parses. */
function firstJsonRecord(body: string): unknown {
  const decoder = new SseDecoder({
    maxLineLength: LIMITS.errorBodyBytes,
    maxRecordLength: LIMITS.errorBodyBytes,
  });
  let found: unknown;
  const onRecord = (data: string) => {
    found = tryJson(data);
    return found !== undefined;
  };
  if (!decoder.push(body, onRecord)) decoder.flush(onRecord);
  return found;
}

/** `value` parsed as JSON; `undefined` when it is not JSON. */
export function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
