/**
 * The fields of a DashScope error. For OpenAI's own codes `type` is `invalid_request_error`; for
 * DashScope's native codes (`Arrearage`, `Model.AccessDenied`, …) `type` equals `code`. Messages
 * may end with `For details, see: <help URL>`.
 */
export interface DashScopeErrorFields {
  readonly message: string;
  readonly type: string;
  /** Absent in some captures (the 429 rate-limit body). */
  readonly param?: string | null;
  /** `null` for schema errors such as `[] is too short - 'tools'`. */
  readonly code: string | null;
}

/**
 * The error envelope: `{"error":{"message","type","param","code"},"request_id"}`. Errors raised by
 * the model service add `id: "chatcmpl-…"`; a few bodies carry no `request_id`. Before a stream
 * starts the same envelope may arrive SSE-framed (`data: {"error":{…}}`) on a non-2xx response.
 */
export interface DashScopeErrorEnvelope {
  readonly error: DashScopeErrorFields;
  readonly id?: string;
  readonly request_id?: string;
}

/** The Coding Plan client gate (HTTP 405): `error` is a string, not an object. */
export interface DashScopeGateError {
  readonly error: string;
}

/** Any error body DashScope sends. */
export type DashScopeErrorBody = DashScopeErrorEnvelope | DashScopeGateError;
