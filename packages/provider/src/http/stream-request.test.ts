import OpenAI, { APIConnectionError, APIConnectionTimeoutError, type APIError, RateLimitError } from "openai";
import { describe, expect, it } from "vitest";
import { StreamRequester } from "./stream-request.js";

const BASE_URL = "http://127.0.0.1:9/compatible-mode/v1";
const BODY = { model: "qwen3-coder-plus", messages: [{ role: "user", content: "Hi" }], stream: true };

interface Sent {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: [string, string][];
  readonly body: unknown;
}

/** A `fetch` that records what it was asked to send and answers `answer()`. */
function recordingFetch(answer: () => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: init?.method,
      headers: [...new Headers(init?.headers)].sort(([a], [b]) => a.localeCompare(b)),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : init?.body,
    });
    return answer();
  };
  return { sent, fetch };
}

const sse = () => new Response("data: [DONE]\n\n", { headers: { "content-type": "text/event-stream" } });

/** The same call through the SDK (`create(...).asResponse()`) and through a StreamRequester on the same client. */
async function bothWays(
  answer: () => Response | Promise<Response>,
  call: { headers?: Record<string, string>; timeout?: number },
  defaultHeaders?: Record<string, string | null>,
) {
  const { sent, fetch } = recordingFetch(answer);
  const client = new OpenAI({ apiKey: "sk-test", baseURL: BASE_URL, maxRetries: 0, fetch, defaultHeaders });
  const viaSdk = await client.chat.completions
    .create(BODY as never, { ...call, maxRetries: 0 })
    .asResponse()
    .then(
      (response) => ({ response, error: undefined }),
      (error: unknown) => ({ response: undefined, error }),
    );
  const direct = await new StreamRequester(client, fetch)
    .send({
      body: BODY,
      headers: call.headers,
      timeoutMs: call.timeout,
      signal: new AbortController().signal,
    })
    .then(
      (response) => ({ response, error: undefined }),
      (error: unknown) => ({ response: undefined, error }),
    );
  return { viaSdk, direct, sent };
}

describe("StreamRequester sends what the openai SDK sends", () => {
  it.each<[string, { headers?: Record<string, string>; timeout?: number }, Record<string, string | null>?]>([
    ["a call without options", {}],
    [
      "a call with its own headers, overriding a default one by another case",
      { headers: { "X-App": "call", "x-mock-chunks": "3" } },
      { "x-app": "default" },
    ],
    ["a call with its own timeout", { timeout: 12_345 }],
    ["a client whose default headers drop one of the SDK's", {}, { "User-Agent": null, "X-Org": "o" }],
  ])("the same URL, method, headers and body for %s", async (_, call, defaultHeaders) => {
    const { viaSdk, direct, sent } = await bothWays(sse, call, defaultHeaders);
    expect([viaSdk.error, direct.error]).toEqual([undefined, undefined]);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it("raises the SDK's own error for a non-2xx answer", async () => {
    const { viaSdk, direct } = await bothWays(
      () =>
        new Response(JSON.stringify({ error: { message: "slow down", code: "limit_requests" } }), {
          status: 429,
          headers: { "content-type": "application/json", "x-request-id": "rid-1" },
        }),
      {},
    );
    expect(direct.error).toBeInstanceOf(RateLimitError);
    const [sdk, mine] = [viaSdk.error as APIError, direct.error as APIError];
    expect({
      message: mine.message,
      status: mine.status,
      error: mine.error,
      requestId: mine.requestID,
    }).toEqual({
      message: sdk.message,
      status: sdk.status,
      error: sdk.error,
      requestId: sdk.requestID,
    });
  });

  it.each([
    ["a dropped connection", new TypeError("fetch failed"), APIConnectionError],
    [
      "a transport timeout",
      Object.assign(new TypeError("fetch failed"), { cause: new Error("Headers Timeout Error: timed out") }),
      APIConnectionTimeoutError,
    ],
  ])("wraps %s as the SDK does, keeping the cause", async (_, thrown, expected) => {
    const { viaSdk, direct } = await bothWays(() => Promise.reject(thrown), {});
    expect(viaSdk.error).toBeInstanceOf(expected);
    expect(direct.error).toBeInstanceOf(expected);
    expect((direct.error as Error).cause).toBe(thrown);
  });
});
