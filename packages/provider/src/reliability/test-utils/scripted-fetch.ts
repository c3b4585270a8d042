/** How one response of a {@link scriptedFetch} behaves. */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Body pieces, one per read of the body. */
  readonly pieces: readonly Uint8Array[];
  /**
   * After the last piece: end the body cleanly (`close`, the default), fail it as a connection
   * reset does (`reset`), or send nothing more while keeping it open (`stall`, until aborted).
   */
  readonly end?: "close" | "reset" | "stall";
  /** Milliseconds between pieces; by default each piece waits for the next macrotask (a network read). */
  readonly gapMs?: number;
}

/** A `fetch` that serves scripted responses in order, and counts what it was asked. */
export interface ScriptedFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Requests made so far. */
  readonly calls: number;
  /** Whether some response body is still open (not read to its end, failed or cancelled). */
  readonly openBodies: number;
}

/** The error undici raises when the peer resets a connection mid-body. */
const connectionReset = () =>
  Object.assign(new TypeError("terminated"), {
    cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
  });

const pause = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * A `fetch` for faults the mock cannot produce byte by byte (a character split across reads, a
 * 1 MB frame, a one-byte drip, a reset or a stall after exactly N bytes). Request `n` gets
 * `responses[n]`; a request beyond the script fails the test. The request's `signal` is honoured
 * as undici honours it: an abort fails the pending body read with the signal's reason.
 */
export function scriptedFetch(responses: readonly ScriptedResponse[]): ScriptedFetch {
  let calls = 0;
  let openBodies = 0;
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const script = responses[calls];
    calls += 1;
    if (script === undefined) throw new Error(`scriptedFetch: unexpected request #${calls}`);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    let next = 0;
    let closed = false;
    const close = () => {
      if (!closed) openBodies -= 1;
      closed = true;
    };
    openBodies += 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        signal?.addEventListener(
          "abort",
          () => {
            if (closed) return;
            close();
            controller.error(signal.reason);
          },
          { once: true },
        );
      },
      async pull(controller) {
        if (next > 0) await pause(script.gapMs ?? 0);
        if (closed) return;
        const piece = script.pieces[next];
        next += 1;
        if (piece !== undefined) {
          controller.enqueue(piece);
          return;
        }
        const end = script.end ?? "close";
        if (end === "stall") return new Promise<void>(() => undefined);
        close();
        if (end === "reset") controller.error(connectionReset());
        else controller.close();
      },
      cancel: close,
    });
    return new Response(body, {
      status: script.status ?? 200,
      headers: { "content-type": "text/event-stream", ...script.headers },
    });
  };
  return Object.defineProperties(fetch, {
    calls: { get: () => calls },
    openBodies: { get: () => openBodies },
  }) as ScriptedFetch;
}
