import type { IncomingMessage, ServerResponse } from "node:http";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { QwenProviderOptions } from "../options.js";
import { createQwenProvider } from "../provider.js";
import { KEYS } from "../test-utils/hosts.js";
import { type LoopbackServer, withLoopbackServer } from "./test-utils/loopback-server.js";
import { failOnUnhandledRejections, runStream } from "./test-utils/outcome.js";
import { craftedBytes } from "./test-utils/sse.js";

failOnUnhandledRejections();

const request = { messages: [{ role: "user" as const, content: "a secret prompt" }] };
const COMPLETION = JSON.stringify({
  id: "chatcmpl-1",
  model: "qwen-plus",
  choices: [
    { index: 0, message: { role: "assistant", content: "from the endpoint" }, finish_reason: "stop" },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A server that answers every request with a completion (a stream when asked), and records bodies. */
function completing(bodies: string[]): Handler {
  return (req, res) => {
    let body = "";
    req.on("data", (piece: Buffer) => {
      body += piece.toString();
    });
    req.on("end", () => {
      bodies.push(body);
      if (body.includes('"stream":true')) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(craftedBytes({ text: ["from ", "the other origin"], finishReason: "stop" }));
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(COMPLETION.replace("from the endpoint", "from the other origin"));
      }
    });
  };
}

/** Runs `body` with an endpoint server (answering `endpoint`) and a second server on another port (another origin). */
async function withTwoOrigins(
  endpoint: (other: LoopbackServer) => Handler,
  body: (servers: {
    endpoint: LoopbackServer;
    other: LoopbackServer;
    otherBodies: string[];
  }) => Promise<void>,
) {
  const otherBodies: string[] = [];
  await withLoopbackServer(completing(otherBodies), (other) =>
    withLoopbackServer(endpoint(other), (server) => body({ endpoint: server, other, otherBodies })),
  );
}

const redirectTo =
  (status: number, location: (origin: string) => string, other: LoopbackServer): Handler =>
  (req, res) => {
    req.resume();
    res.writeHead(status, { location: location(other.origin) });
    res.end("moved");
  };

const provider = (endpoint: LoopbackServer, options: QwenProviderOptions = {}) =>
  createQwenProvider({
    baseUrl: `${endpoint.origin}/v1`,
    apiKey: KEYS.standard,
    env: {},
    maxRetries: 2,
    ...options,
  });

const renderings = (error: unknown) => [
  String(error),
  JSON.stringify(error),
  inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
];

describe("a redirect to another origin is refused, naming that origin", () => {
  it.each([301, 302, 303, 307, 308])("%i to another origin, on chat and on stream", async (status) => {
    await withTwoOrigins(
      (other) => redirectTo(status, (origin) => `${origin}/v1/chat/completions`, other),
      async ({ endpoint, other, otherBodies }) => {
        const qwen = provider(endpoint);
        const chat = await qwen.chat(request).catch((error: unknown) => error);
        const stream = await runStream(qwen.stream(request), 5_000);
        for (const error of [chat, stream.error]) {
          expect(error).toMatchObject({ kind: "redirect", status, retryable: false });
          expect((error as Error).message).toContain(`redirecting to ${other.origin}`);
          for (const text of renderings(error)) expect(text).not.toContain(KEYS.standard);
        }
        expect(otherBodies).toEqual([]);
        // Not retried. On Node the first request goes out with `redirect: "error"`, whose failure
        // does not say where the redirect pointed, so it is sent once more to read the redirect;
        // from then on this provider asks for redirects at once: 2 requests for chat, 1 for stream.
        expect(endpoint.requests).toHaveLength(3);
      },
    );
  });

  it("https → http on the same host is another origin too", async () => {
    await withTwoOrigins(
      (other) => redirectTo(302, (origin) => origin.replace("http://", "https://"), other),
      async ({ endpoint }) => {
        const error = await provider(endpoint)
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: "redirect" });
      },
    );
  });

  it("a fetch that follows redirects itself: the other origin's answer is not taken as the completion", async () => {
    await withTwoOrigins(
      (other) => redirectTo(307, (origin) => `${origin}/v1/chat/completions`, other),
      async ({ endpoint, other }) => {
        const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
        const error = await provider(endpoint, { fetch: following })
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: "redirect" });
        expect((error as Error).message).toContain(other.origin);
      },
    );
  });

  it("a fetch that routes the request elsewhere on purpose (a proxy, a test double) is not a redirect", async () => {
    await withTwoOrigins(
      () => () => {
        throw new Error("the endpoint itself is never asked");
      },
      async ({ endpoint, other, otherBodies }) => {
        const routing: typeof fetch = (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          return fetch(url.replace(endpoint.origin, other.origin), init);
        };
        const result = await provider(endpoint, { fetch: routing }).chat(request);
        expect(result.text).toBe("from the other origin");
        expect(otherBodies).toHaveLength(1);
      },
    );
  });
});

describe("same-origin redirects", () => {
  it.each([307, 308])(
    "%i to another path on the same origin is followed, re-sending the request",
    async (status) => {
      const bodies: string[] = [];
      const answer = completing(bodies);
      await withLoopbackServer(
        (req, res) => {
          if (req.url === "/v1/chat/completions") {
            req.resume();
            res.writeHead(status, { location: "/v2/chat/completions" });
            res.end();
          } else answer(req, res);
        },
        async (endpoint) => {
          const qwen = provider(endpoint);
          const result = await qwen.chat(request);
          expect(result.text).toBe("from the other origin");
          // The first request is sent twice: its first answer only says there was a redirect.
          expect(endpoint.requests.map((seen) => `${seen.method} ${seen.path}`)).toEqual([
            "POST /v1/chat/completions",
            "POST /v1/chat/completions",
            "POST /v2/chat/completions",
          ]);
          expect(JSON.parse(bodies[0] ?? "{}")).toMatchObject({ messages: request.messages });
          // Later calls of the same provider follow the redirect without the extra request.
          const before = endpoint.requests.length;
          await expect(qwen.chat(request)).resolves.toMatchObject({ text: "from the other origin" });
          expect(endpoint.requests.slice(before).map((seen) => seen.path)).toEqual([
            "/v1/chat/completions",
            "/v2/chat/completions",
          ]);
        },
      );
    },
  );

  it.each([301, 302, 303])(
    "%i on the same origin is refused (it would turn the POST into a GET)",
    async (status) => {
      await withLoopbackServer(
        redirectTo(status, () => "/v2/chat/completions", {} as LoopbackServer),
        async (endpoint) => {
          const error = await provider(endpoint)
            .chat(request)
            .catch((caught: unknown) => caught);
          expect(error).toMatchObject({ kind: "redirect", status });
          expect((error as Error).message).toMatch(/only 307 and 308/);
          // Sent once more to read the redirect (see above), never to the location.
          expect(endpoint.requests).toHaveLength(2);
        },
      );
    },
  );

  it("a redirect loop stops after 5 hops", async () => {
    await withLoopbackServer(
      redirectTo(307, () => "/v1/chat/completions", {} as LoopbackServer),
      async (endpoint) => {
        const error = await provider(endpoint)
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: "redirect", status: 307 });
        expect((error as Error).message).toMatch(/at most 5 redirects/);
        // The first request twice (see above), then 5 redirects followed.
        expect(endpoint.requests).toHaveLength(7);
      },
    );
  });

  it("a redirect without a usable location is refused", async () => {
    await withLoopbackServer(
      redirectTo(307, () => "http://[::1", {} as LoopbackServer),
      async (endpoint) => {
        const error = await provider(endpoint)
          .chat(request)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ kind: "redirect", status: 307 });
        expect((error as Error).message).toMatch(/no usable location/);
      },
    );
  });
});
