import type { BenchTarget } from "./target.js";
import type { StreamShape } from "./workloads.js";

export type SubjectName =
  | FloorName
  | "openai"
  | "@qwenkit/provider"
  | "@ai-sdk/alibaba"
  | "@qwenkit/ai-sdk"
  | "@qwenkit/ai-sdk model stream";

/**
 * The two floors every ratio is taken against: `split floor` (fetch, decode, line split; only the
 * usage frame parsed) is what the transport costs alone; `parse floor` adds `JSON.parse` of every
 * frame, which any client must do, so it is the honest floor for a client.
 */
export type FloorName = "split floor" | "parse floor";

/** What a subject saw of one response: enough to check it really read the whole stream. */
export interface StreamOutcome {
  /** Content chunks or tool-call fragments delivered to the caller (`undefined`: not counted). */
  readonly deltas: number | undefined;
  /** `completion_tokens` of the usage frame, as the subject reports it. */
  readonly outputTokens: number | undefined;
}

/** A client built once per process, as an application would, then used for every request. */
export interface SubjectClient {
  stream(shape: StreamShape): Promise<StreamOutcome>;
}

/** One way of consuming DashScope streams. */
export interface Subject {
  create(target: BenchTarget): SubjectClient;
}
