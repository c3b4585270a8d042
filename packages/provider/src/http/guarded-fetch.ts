import type { ClientOptions } from "openai";
import { LIMITS } from "../limits.js";
import { cappedResponse } from "./capped-body.js";
import { boundedErrorResponse } from "./error-response.js";
import { copiesRequestsForRedirects, redirectGuard } from "./redirects.js";

type Fetch = NonNullable<ClientOptions["fetch"]>;

/** Options of {@link guardedFetch}. */
export interface GuardedFetchOptions {
  /** Secrets to mask if an error body echoes them (anything key-shaped is masked anyway). */
  readonly secrets?: readonly string[];
}

const isEventStream = (response: Response) =>
  response.headers.get("content-type")?.toLowerCase().startsWith("text/event-stream") ?? false;

/**
 * The `fetch` qwenkit's `openai` client uses, wrapping `fetch` (default: the global one, looked up
 * per call so interceptors installed later apply) so that every byte it reads is bounded:
 *
 * - redirects: only 307 / 308 to the same origin are followed (at most 5); others fail with kind
 *   `redirect`, naming the origin they pointed to. With the global `fetch` on Node.js, requests go
 *   out with `redirect: "error"` (Node then sends them without copying them) until the endpoint
 *   first answers with a redirect: that request is sent once more to read the redirect;
 * - error (non-2xx) responses: at most 64 KiB of the body is read, parsed once (JSON, SSE-framed
 *   JSON or text) and handed to the SDK as a small JSON envelope, strings masked and cut, a body-only
 *   `request_id` copied to `x-request-id`;
 * - a non-streaming success body fails with kind `response-too-large` past 32 MiB (decoded), and
 *   with `undecodable-response` when its compression is corrupt;
 * - an SSE body passes through untouched: qwenkit's SSE reader bounds its lines and events.
 *
 * Use it with your own `openai` client: `new OpenAI({ …, fetch: guardedFetch() })`, then
 * `toQwenApiError` turns the client's errors into `QwenApiError`s.
 */
export function guardedFetch(fetch?: Fetch, options: GuardedFetchOptions = {}): Fetch {
  const send = redirectGuard(
    () => fetch ?? globalThis.fetch,
    fetch === undefined && copiesRequestsForRedirects(),
  );
  return async (input, init) => {
    const response = await send(input, init);
    if (!response.ok) return boundedErrorResponse(response, options.secrets);
    if (isEventStream(response)) return response;
    return cappedResponse(response, LIMITS.jsonBodyBytes);
  };
}
