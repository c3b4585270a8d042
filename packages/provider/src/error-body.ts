/**
 * The fields of a DashScope error, whichever way it arrived: a JSON envelope
 * `{"error":{"message","type","param","code"},"request_id"}`, the same envelope SSE-framed
 * (`data: {...}`), the Coding Plan gate's `{"error": "<string>"}`, or a mid-stream error frame.
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
 * (what the openai SDK keeps), or the string-valued `error` of the 405 gate.
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
 * Parses a raw error body: JSON, or SSE-framed JSON (the first `data:` line that parses). Returns
 * the body as the message when it is neither.
 */
export function parseErrorBody(raw: string): ProviderErrorBody {
  const trimmed = raw.trim();
  if (trimmed === "") return EMPTY;
  const json = tryJson(trimmed);
  if (json !== undefined) return readErrorEnvelope(json);
  for (const line of trimmed.split(/\r?\n/)) {
    if (!line.startsWith("data:")) continue;
    const payload = tryJson(line.slice(5).trim());
    if (payload !== undefined) return readErrorEnvelope(payload);
  }
  return { ...EMPTY, message: trimmed };
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
