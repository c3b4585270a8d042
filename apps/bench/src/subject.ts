import type { BenchTarget } from "./target.js";
import type { StreamShape } from "./workloads.js";

export type SubjectName = "floor" | "openai" | "@qwenkit/provider" | "@ai-sdk/alibaba";

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
