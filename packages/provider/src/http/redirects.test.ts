import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RedirectRefused } from "../transport-failures.js";
import { copiesRequestsForRedirects, redirectGuard } from "./redirects.js";

const URL_ = "https://endpoint.example/v1/chat/completions";
const ok = () => new Response("{}", { status: 200 });
/** What Node's fetch (undici) rejects with in `redirect: "error"` mode when the answer is a redirect. */
const undiciRedirect = () => new TypeError("fetch failed", { cause: new Error("unexpected redirect") });

/** A fetch that answers from `answers` in turn and records each call's redirect mode and `window`. */
function scripted(answers: (() => Response | Error)[]) {
  const calls: { redirect: RequestInit["redirect"]; window: unknown }[] = [];
  const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
    calls.push({ redirect: init?.redirect, window: init && "window" in init ? init.window : "unset" });
    const answer = answers[calls.length - 1]?.() ?? ok();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, calls };
}

describe("redirectGuard with Node's fetch (error mode first)", () => {
  it("sends with redirect: error and window: null while the endpoint never redirects", async () => {
    const { fetch, calls } = scripted([ok, ok]);
    const send = redirectGuard(() => fetch, true);
    await send(URL_, { method: "POST", body: "{}" });
    await send(URL_, { method: "POST", body: "{}" });
    expect(calls).toEqual([
      { redirect: "error", window: null },
      { redirect: "error", window: null },
    ]);
  });

  it("on the first redirect sends that request again in manual mode, and every later one at once", async () => {
    const { fetch, calls } = scripted([
      undiciRedirect,
      () => new Response(null, { status: 307, headers: { location: "/v2/chat/completions" } }),
      ok,
      () => new Response(null, { status: 307, headers: { location: "/v2/chat/completions" } }),
      ok,
    ]);
    const send = redirectGuard(() => fetch, true);
    expect((await send(URL_, { method: "POST", body: "{}" })).status).toBe(200);
    expect((await send(URL_, { method: "POST", body: "{}" })).status).toBe(200);
    expect(calls.map((call) => call.redirect)).toEqual(["error", "manual", "manual", "manual", "manual"]);
  });

  it("still refuses a redirect to another origin, naming it", async () => {
    const { fetch } = scripted([
      undiciRedirect,
      () => new Response(null, { status: 302, headers: { location: "https://elsewhere.example/x" } }),
    ]);
    const failure = await redirectGuard(() => fetch, true)(URL_, { method: "POST", body: "{}" }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RedirectRefused);
    expect(failure).toMatchObject({ status: 302, targetOrigin: "https://elsewhere.example" });
  });

  it("does not send again for any other failure", async () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    const { fetch, calls } = scripted([() => refused, ok]);
    const send = redirectGuard(() => fetch, true);
    await expect(send(URL_, { method: "POST", body: "{}" })).rejects.toBe(refused);
    await send(URL_, { method: "POST", body: "{}" });
    expect(calls.map((call) => call.redirect)).toEqual(["error", "error"]);
  });

  it("refuses, without sending again, when the body was a stream the first request used up", async () => {
    const { fetch, calls } = scripted([undiciRedirect]);
    const body = new ReadableStream({ start: (controller) => controller.close() });
    const failure = await redirectGuard(() => fetch, true)(URL_, { method: "POST", body }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: "RedirectRefused", reason: "unsendable-body" });
    expect(calls).toHaveLength(1);
  });
});

describe("redirectGuard with any other fetch", () => {
  it("asks for redirects in manual mode from the first request", async () => {
    const { fetch, calls } = scripted([ok]);
    await redirectGuard(() => fetch, false)(URL_, { method: "POST", body: "{}" });
    expect(calls).toEqual([{ redirect: "manual", window: "unset" }]);
  });
});

describe("redirectGuard over msw's fetch interceptor", () => {
  const server = setupServer(
    http.post(
      URL_,
      () => new HttpResponse(null, { status: 307, headers: { location: "/v2/chat/completions" } }),
    ),
    http.post("https://endpoint.example/v2/chat/completions", () => HttpResponse.json({ moved: true })),
  );
  afterEach(() => server.close());

  it("recognizes msw's unexpected-redirect rejection and follows the same-origin 307", async () => {
    server.listen({ onUnhandledFrame: "error" });
    const modes: RequestInit["redirect"][] = [];
    const intercepted = globalThis.fetch;
    const send = redirectGuard(
      () => (input, init) => {
        modes.push(init?.redirect);
        return intercepted(input, init);
      },
      true,
    );
    const response = await send(URL_, { method: "POST", body: "{}" });
    expect(await response.json()).toEqual({ moved: true });
    expect(modes).toEqual(["error", "manual", "manual"]);
  });
});

describe("copiesRequestsForRedirects", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is true on Node.js, whose fetch copies requests that are not in error mode", () => {
    expect(copiesRequestsForRedirects()).toBe(true);
  });

  it.each(["Deno/2.1.4", "Bun/1.2.0", "Cloudflare-Workers", "Mozilla/5.0 (X11; Linux x86_64)"])(
    "is false on %s",
    (userAgent) => {
      vi.stubGlobal("navigator", { userAgent });
      expect(copiesRequestsForRedirects()).toBe(false);
    },
  );
});
