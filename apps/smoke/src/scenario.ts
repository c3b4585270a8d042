// What every runtime runs: the built @qwenkit/provider against the mock, once with a key the mock
// accepts (a stream with usage) and once with one it refuses (a typed 401). Runtime-neutral: it
// uses only what Node, Deno, Bun, workerd and a browser page all have.
import { createQwenProvider, isQwenApiError, QwenApiError, type QwenUsage } from "@qwenkit/provider";

/**
 * Keys of the two kinds the mock tells apart by prefix: a Pay-as-you-go key (`sk-`), which a
 * Pay-as-you-go host accepts, and a subscription key (`sk-sp-`), which it refuses with 401.
 * Neither is a real key.
 */
const KEYS = {
  accepted: "sk-smoke0000000000000000000000000",
  refused: "sk-sp-smoke000000000000000000000",
} as const;

const PROMPT = [{ role: "user" as const, content: "Say hello from the smoke test." }];

/** Where the mock is and how the runtime needs the provider made. */
export interface SmokeInput {
  /**
   * A Pay-as-you-go host's base URL on the standalone mock
   * (`http://127.0.0.1:PORT/<host>/compatible-mode/v1`).
   */
  readonly baseUrl: string;
  /** Set in a browser page, where the openai SDK refuses to start without it. */
  readonly dangerouslyAllowBrowser?: boolean;
}

/** What one runtime saw; the harness compares it with what Node sees in-process. */
export interface SmokeReport {
  /** The runtime that ran it, as it names itself (`node 24.1.0`, `deno 2.9.6`, a browser's user agent). */
  readonly runtime: string;
  readonly stream: {
    /** How many events of each type arrived, in order of first arrival. */
    readonly events: Readonly<Record<string, number>>;
    /** The text deltas joined; the harness checks it equals `result.text`. */
    readonly deltas: string;
    readonly text: string;
    readonly finishReason: string | undefined;
    readonly usage: QwenUsage | undefined;
    /** The usage event's value, which must be the result's. */
    readonly usageEvent: QwenUsage | undefined;
  };
  readonly unauthorized: {
    /** `instanceof QwenApiError` held. */
    readonly typed: boolean;
    /** `isQwenApiError(error)` held: the brand check that works across copies of the package. */
    readonly branded: boolean;
    readonly name: string;
    readonly kind: string | undefined;
    readonly status: number | undefined;
    readonly retryable: boolean | undefined;
  };
}

declare const Deno: { readonly version: { readonly deno: string } } | undefined;
declare const Bun: { readonly version: string } | undefined;

/** The runtime's own name for itself. Deno and Bun also set `process.versions.node`, so they go first. */
export function runtimeName(): string {
  const scope = globalThis as {
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  if (typeof Deno !== "undefined") return `deno ${Deno.version.deno}`;
  if (typeof Bun !== "undefined") return `bun ${Bun.version}`;
  if (scope.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (scope.process?.versions?.node !== undefined) return `node ${scope.process.versions.node}`;
  return scope.navigator?.userAgent ?? "unknown";
}

/**
 * A provider on the mock. Core reads the mock's loopback layout as the native host, so requests
 * are shaped (usage asked for) as for Model Studio.
 */
const provider = (input: SmokeInput, apiKey: string) =>
  createQwenProvider({
    baseUrl: input.baseUrl,
    apiKey,
    // No environment lookups: a browser has no process.env and Deno would ask for permission.
    env: {},
    maxRetries: 0,
    timeout: 15_000,
    ...(input.dangerouslyAllowBrowser === true ? { dangerouslyAllowBrowser: true } : {}),
  });

async function streamOnce(input: SmokeInput): Promise<SmokeReport["stream"]> {
  const stream = provider(input, KEYS.accepted).stream({ messages: PROMPT });
  const events: Record<string, number> = {};
  let deltas = "";
  let usageEvent: QwenUsage | undefined;
  for await (const event of stream) {
    events[event.type] = (events[event.type] ?? 0) + 1;
    if (event.type === "text") deltas += event.delta;
    if (event.type === "usage") usageEvent = event.usage;
  }
  const result = await stream.result;
  return {
    events,
    deltas,
    text: result.text,
    finishReason: result.finishReason,
    usage: result.usage,
    usageEvent,
  };
}

async function unauthorizedOnce(input: SmokeInput): Promise<SmokeReport["unauthorized"]> {
  try {
    await provider(input, KEYS.refused).stream({ messages: PROMPT }).result;
  } catch (error) {
    const typed = error instanceof QwenApiError;
    return {
      typed,
      branded: isQwenApiError(error),
      name: error instanceof Error ? error.name : typeof error,
      kind: typed ? error.kind : undefined,
      status: typed ? error.status : undefined,
      retryable: typed ? error.retryable : undefined,
    };
  }
  throw new Error("the mock accepted a key it should refuse");
}

/** Runs both calls and reports what the runtime saw. */
export async function runSmoke(input: SmokeInput): Promise<SmokeReport> {
  return {
    runtime: runtimeName(),
    stream: await streamOnce(input),
    unauthorized: await unauthorizedOnce(input),
  };
}
