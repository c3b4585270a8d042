import { BENCH_TOOL, type StreamShape } from "./workloads.js";

/** The conversation of a request for `shape`: a tool-call request names the tool, so the mock calls it. */
export function benchMessages(shape: StreamShape): { role: "user"; content: string }[] {
  return [
    {
      role: "user",
      content: shape.type === "text" ? "Hi" : `What is the weather in Hangzhou? Use ${BENCH_TOOL.name}.`,
    },
  ];
}

/** {@link BENCH_TOOL} as an OpenAI function tool (the wire form DashScope takes). */
export const OPENAI_BENCH_TOOLS = [
  {
    type: "function" as const,
    function: {
      name: BENCH_TOOL.name,
      description: BENCH_TOOL.description,
      parameters: {
        type: "object",
        properties: { [BENCH_TOOL.firstProperty]: { type: "string" } },
        required: [BENCH_TOOL.firstProperty],
      },
    },
  },
];
