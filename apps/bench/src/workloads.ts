/** What one mocked response holds: text chunks, or one tool call with arguments of a given size. */
export type StreamShape =
  | { readonly type: "text"; readonly chunks: number }
  | { readonly type: "tool-call"; readonly argumentsBytes: number };

/** Where the mock runs: msw in the client's own process, or the standalone server over 127.0.0.1. */
export type Transport = "in-process" | "loopback";

export type WorkloadName = "long-stream" | "short-requests" | "tool-call";

/** One benchmark workload: `requests` responses of `shape`, at most `concurrency` in flight. */
export interface Workload {
  readonly name: WorkloadName;
  readonly title: string;
  readonly shape: StreamShape;
  readonly requests: number;
  readonly concurrency: number;
  /**
   * Before the measured runs, each subject repeats the measured run for at least this long (see
   * `repeatFor`), so that every subject is measured in its steady state.
   */
  readonly warmupMs: number;
}

/** The tool every tool-call request offers; the prompt names it, so the mock calls it. */
export const BENCH_TOOL = {
  name: "get_weather",
  description: "Current weather of a city",
  firstProperty: "location",
} as const;

export const WORKLOADS: readonly Workload[] = [
  {
    name: "long-stream",
    title: "one stream of 100,000 small chunks",
    shape: { type: "text", chunks: 100_000 },
    requests: 1,
    concurrency: 1,
    warmupMs: 3_000,
  },
  {
    name: "short-requests",
    title: "1,000 requests of 20 chunks, 8 in flight",
    shape: { type: "text", chunks: 20 },
    requests: 1_000,
    concurrency: 8,
    warmupMs: 3_000,
  },
  {
    name: "tool-call",
    title: "one tool call with 1 MiB of arguments",
    shape: { type: "tool-call", argumentsBytes: 1024 * 1024 },
    requests: 1,
    concurrency: 1,
    warmupMs: 3_000,
  },
];

export const TRANSPORTS: readonly Transport[] = ["in-process", "loopback"];

/** Longest piece of tool-call arguments the mock sends in one delta after the first. */
const MOCK_ARGUMENTS_PER_DELTA = 64;

/**
 * Deltas (content chunks, or tool-call fragments) one response of `shape` carries. The mock's
 * first tool-call fragment holds the arguments up to and including the first key
 * (`{"location":`), later fragments at most 64 characters each (see the mock's README).
 */
export function deltasPerResponse(shape: StreamShape): number {
  if (shape.type === "text") return shape.chunks;
  const head = `{"${BENCH_TOOL.firstProperty}":`.length;
  return 1 + Math.ceil((shape.argumentsBytes - head) / MOCK_ARGUMENTS_PER_DELTA);
}

/**
 * `completion_tokens` the mock reports for one response of `shape`: one per content chunk, or
 * ceil(UTF-8 bytes of tool name and arguments / 4).
 */
export function outputTokensPerResponse(shape: StreamShape): number {
  if (shape.type === "text") return shape.chunks;
  return Math.ceil((BENCH_TOOL.name.length + shape.argumentsBytes) / 4);
}

/** The `x-mock-*` headers that make the mock answer with `shape`. */
export function shapeHeaders(shape: StreamShape): Record<string, string> {
  return shape.type === "text"
    ? { "x-mock-chunks": String(shape.chunks) }
    : { "x-mock-tool-arguments-bytes": String(shape.argumentsBytes) };
}

export function findWorkload(name: string): Workload {
  const workload = WORKLOADS.find((candidate) => candidate.name === name);
  if (workload === undefined) {
    throw new RangeError(
      `unknown workload '${name}'; one of ${WORKLOADS.map((candidate) => candidate.name).join(", ")}`,
    );
  }
  return workload;
}
