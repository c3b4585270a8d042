import { describe, expect, expectTypeOf, it } from "vitest";
import {
  captureFrames,
  capturePayloads,
  errorCaptures,
  SSE_CAPTURES,
} from "../../../../fixtures/wire/captures.js";
import type { DashScopeChunk, DashScopeErrorBody, Received } from "./index.js";
import {
  CHUNK_OBJECT,
  COMPLETION_ID_PREFIX,
  FINISH_REASONS,
  SSE_DONE,
  TOOL_CALL_ID_PREFIX,
  TOOL_CALL_TYPE,
} from "./index.js";

type Frame = Received<DashScopeChunk>;

describe("the wire constants agree with every capture", () => {
  it.each(SSE_CAPTURES)("%s: ends with [DONE]; object, id prefix and usage null-until-last hold", (name) => {
    const payloads = capturePayloads(name);
    expect(payloads.at(-1)).toBe(SSE_DONE);
    const frames = captureFrames(name) as Frame[];
    expect(frames.length).toBe(payloads.length - 1);
    for (const frame of frames) {
      expect(frame.object).toBe(CHUNK_OBJECT);
      expect(frame.id?.startsWith(COMPLETION_ID_PREFIX)).toBe(true);
      expect(frame.system_fingerprint).toBeNull();
      // The usage frame is the one with no choices; every other frame says `usage: null`.
      expect(frame.usage === null).toBe((frame.choices?.length ?? 0) > 0);
    }
  });

  it.each(SSE_CAPTURES)("%s: every finish reason is one of FINISH_REASONS, in a frame of its own", (name) => {
    const frames = captureFrames(name) as Frame[];
    const finishing = frames.flatMap((frame) => frame.choices ?? []).filter((choice) => choice.finish_reason);
    expect(finishing).toHaveLength(1);
    expect(FINISH_REASONS).toContain(finishing[0]?.finish_reason);
    expect(finishing[0]?.delta?.content ?? "").toBe("");
  });

  it("tool-call deltas: the first has a call_ id, later ones repeat an empty id and the type", () => {
    const deltas = (captureFrames("stream-tool-call") as Frame[]).flatMap((frame) =>
      (frame.choices ?? []).flatMap((choice) => choice.delta?.tool_calls ?? []),
    );
    expect(deltas.map((delta) => delta.type)).toEqual([TOOL_CALL_TYPE, TOOL_CALL_TYPE]);
    expect(deltas[0]?.id?.startsWith(TOOL_CALL_ID_PREFIX)).toBe(true);
    expect(deltas[1]?.id).toBe("");
  });

  it("error bodies: an envelope with message/type/code, or the gate's string", () => {
    for (const { body } of errorCaptures()) {
      const { error } = body as DashScopeErrorBody;
      if (typeof error === "string") {
        expect(error.length).toBeGreaterThan(0);
        continue;
      }
      expect(Object.keys(error)).toEqual(expect.arrayContaining(["message", "type", "code"]));
    }
  });
});

describe("Received", () => {
  it("makes every field optional and nullable and widens literals, so readers check what they use", () => {
    expectTypeOf<Frame["object"]>().toEqualTypeOf<string | null | undefined>();
    type Choice = NonNullable<Frame["choices"]>[number];
    expectTypeOf<Choice["finish_reason"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<Frame["usage"]>["prompt_tokens"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Frame["system_fingerprint"]>().toEqualTypeOf<unknown>();
    expectTypeOf<Choice["logprobs"]>().toEqualTypeOf<unknown>();
  });
});
