import { readFileSync } from "node:fs";
import type { WireChunk } from "../wire.js";

/** The verbatim DashScope captures in `src/__fixtures__` (copied from the shared wire examples). */
export const SSE_FIXTURES = ["stream-text-with-usage", "stream-reasoning", "stream-tool-call"] as const;
export type SseFixture = (typeof SSE_FIXTURES)[number];

/** The raw bytes of a fixture, as the server would send them. */
export function fixtureBytes(name: SseFixture): Uint8Array {
  return readFileSync(new URL(`../__fixtures__/${name}.sse`, import.meta.url));
}

/**
 * The JSON payloads of a fixture's `data:` frames, up to `[DONE]`. A deliberately naive reader
 * for test input: the product never parses SSE itself (the openai SDK does).
 */
export function fixtureChunks(name: SseFixture): WireChunk[] {
  const text = new TextDecoder().decode(fixtureBytes(name));
  const chunks: WireChunk[] = [];
  for (const block of text.split(/\n\n+/)) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trimStart())
      .join("\n");
    if (data === "") continue;
    if (data === "[DONE]") break;
    chunks.push(JSON.parse(data) as WireChunk);
  }
  return chunks;
}

/** One line of `errors.jsonl`: a real (or documented) DashScope error response. */
export interface ErrorSample {
  readonly _: string;
  readonly status: number;
  readonly body: unknown;
}

export function errorSamples(): ErrorSample[] {
  return readFileSync(new URL("../__fixtures__/errors.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ErrorSample);
}
