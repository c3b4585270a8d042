import type { Subject, SubjectName } from "./subject.js";

/** A subject and how to load it; loaded lazily so a process holds only the code it measures. */
export interface SubjectEntry {
  readonly name: SubjectName;
  readonly description: string;
  load(): Promise<Subject>;
}

/** Every subject, the floors first (the ratios are to them). */
export const SUBJECTS: readonly SubjectEntry[] = [
  {
    name: "split floor",
    description: "fetch + a minimal SSE line split; JSON only for the usage frame",
    load: async () => (await import("./subjects/split-floor.js")).splitFloor,
  },
  {
    name: "parse floor",
    description: "the split floor + JSON.parse of every frame, counting deltas and reading usage",
    load: async () => (await import("./subjects/parse-floor.js")).parseFloor,
  },
  {
    name: "openai",
    description: "openai SDK stream iterated directly; text, tool arguments and usage collected by hand",
    load: async () => (await import("./subjects/openai-sdk.js")).openaiSdk,
  },
  {
    name: "@qwenkit/provider",
    description: "@qwenkit/provider stream(): shaping, events, assembled text and tool calls, usage",
    load: async () => (await import("./subjects/qwenkit-provider.js")).qwenkitProvider,
  },
  {
    name: "@ai-sdk/alibaba",
    description: "ai streamText() on @ai-sdk/alibaba; full stream iterated, usage from its finish part",
    load: async () => (await import("./subjects/ai-sdk-alibaba.js")).aiSdkAlibaba,
  },
  {
    name: "@qwenkit/ai-sdk",
    description: "ai streamText() on @qwenkit/ai-sdk, consumed as the @ai-sdk/alibaba subject is",
    load: async () => (await import("./subjects/ai-sdk-qwenkit.js")).aiSdkQwenkit,
  },
  {
    name: "@qwenkit/ai-sdk model stream",
    description: "@qwenkit/ai-sdk's doStream() read part by part, no streamText: the adapter's own cost",
    load: async () => (await import("./subjects/ai-sdk-qwenkit-model.js")).aiSdkQwenkitModel,
  },
];

export function findSubject(name: string): SubjectEntry {
  const subject = SUBJECTS.find((candidate) => candidate.name === name);
  if (subject === undefined) {
    throw new RangeError(
      `unknown subject '${name}'; one of ${SUBJECTS.map((candidate) => candidate.name).join(", ")}`,
    );
  }
  return subject;
}
