import type { ClientOptions } from "openai";
import { parseErrorBody } from "./error-body.js";

type Fetch = NonNullable<ClientOptions["fetch"]>;

/**
 * Wraps `fetch` so the openai SDK sees DashScope's error responses in a shape it reads fully: an
 * SSE-framed error body (`data: {"error":…}`) becomes its JSON payload, and a `request_id` that
 * only the body carries is copied to `x-request-id` (the SDK drops the envelope around `error`).
 * Successful responses pass through untouched. `fetch` defaults to the global one, looked up per
 * call so that interceptors installed later (msw in tests, proxies) still apply.
 */
export function normalizeErrorResponses(fetch?: Fetch): Fetch {
  return async (input, init) => {
    const response = await (fetch ?? globalThis.fetch)(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const body = parseErrorBody(text);
    const headers = new Headers(response.headers);
    if (!headers.has("x-request-id") && body.requestId !== undefined)
      headers.set("x-request-id", body.requestId);
    headers.delete("content-length");
    headers.delete("content-encoding");
    const payload = ssePayload(text);
    if (payload !== undefined) headers.set("content-type", "application/json");
    return new Response(payload ?? text, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/** The JSON of the first `data:` line, when the body is SSE-framed rather than JSON. */
function ssePayload(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("data:")) return undefined;
  for (const line of trimmed.split(/\r?\n/)) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    try {
      JSON.parse(data);
      return data;
    } catch {
      // not this line; try the next data line
    }
  }
  return undefined;
}
