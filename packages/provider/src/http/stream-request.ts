import type OpenAI from "openai";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { tryJson } from "../error-body.js";

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** One streaming chat call's request. */
export interface StreamRequest {
  /** The shaped body, `stream: true` included. */
  readonly body: object;
  /** The call's own headers, over the client's. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The call's own timeout, when it has one (the SDK then tells the server, as it does). */
  readonly timeoutMs: number | undefined;
  /** Aborts the request and its body (the caller's signal, the stall timeout, leaving the loop). */
  readonly signal: AbortSignal;
}

/** The URL and headers the openai client sends a chat request with. */
interface ClientRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Sends streaming chat requests with the client's `fetch` itself, instead of through the openai
 * SDK's request path: on a short streamed request that path (option merging, header building
 * and validation, a log line formatted whatever the log level, its own timeout and abort
 * controller) cost more than everything else the provider does.
 *
 * What goes on the wire is what the SDK sends: the URL and the headers (key, user agent,
 * platform headers, the client's default headers) come from the client's own `buildRequest`,
 * once per provider; each call adds its headers and serializes its body. A non-2xx answer
 * becomes the `APIError` subclass the SDK raises for it (`APIError.generate`, from the body the
 * guarded `fetch` already bounded and parsed), a failed `fetch` an `APIConnectionError` (an
 * `APIConnectionTimeoutError` for a transport timeout) with the cause, as the SDK wraps them.
 * The response headers' deadline is the caller's: the provider's stall timeout and signal.
 */
export class StreamRequester {
  readonly #client: OpenAI;
  readonly #fetch: Fetch;
  #request: Promise<ClientRequest> | undefined;
  #built: ClientRequest | undefined;

  constructor(client: OpenAI, fetch: Fetch) {
    this.#client = client;
    this.#fetch = fetch;
  }

  /** Sends `request`; resolves with the 2xx response (its body unread), rejects as the SDK would. */
  async send(request: StreamRequest): Promise<Response> {
    // Known after the first request: no promise to wait for on the hot path.
    const client = this.#built ?? (await this.#clientRequest());
    const headers = { ...client.headers };
    // The SDK tells the server a call's own timeout, in seconds.
    if (request.timeoutMs !== undefined)
      headers["x-stainless-timeout"] = String(Math.trunc(request.timeoutMs / 1000));
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    let response: Response;
    try {
      response = await this.#fetch(client.url, {
        method: "POST",
        headers,
        body: JSON.stringify(request.body),
        signal: request.signal,
      });
    } catch (error) {
      throw connectionError(error);
    }
    if (response.ok) return response;
    const text = await response
      .text()
      .catch((error: unknown) => (error instanceof Error ? error.message : ""));
    const json = tryJson(text) as object | undefined;
    throw APIError.generate(response.status, json, json ? undefined : text, response.headers);
  }

  #clientRequest(): Promise<ClientRequest> {
    this.#request ??= this.#client
      .buildRequest({ method: "post", path: "/chat/completions", body: {} }, { retryCount: 0 })
      .then(({ url, req }) => {
        this.#built = { url, headers: Object.fromEntries(new Headers(req.headers)) };
        return this.#built;
      })
      .catch((error: unknown) => {
        this.#request = undefined;
        throw error;
      });
    return this.#request;
  }
}

/** What the SDK makes of a failed `fetch`: a timeout when the transport says so, else a connection error. */
function connectionError(error: unknown): APIConnectionError {
  const cause = error instanceof Error ? error : new Error(String(error));
  const said = `${String(cause)} ${"cause" in cause ? String(cause.cause) : ""}`;
  if (cause.name === "AbortError" || /timed? ?out/i.test(said)) {
    return Object.assign(new APIConnectionTimeoutError(), { cause });
  }
  return new APIConnectionError({ cause });
}
