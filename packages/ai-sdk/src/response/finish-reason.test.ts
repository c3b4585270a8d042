import { describe, expect, it } from "vitest";
import { toFinishReason } from "./finish-reason.js";

describe("toFinishReason", () => {
  it.each([
    ["stop", "stop"],
    ["length", "length"],
    ["tool_calls", "tool-calls"],
    ["function_call", "tool-calls"],
    ["content_filter", "content-filter"],
    ["insufficient_system_resource", "other"],
    ["toString", "other"],
  ])("maps %s to %s and keeps the raw value", (raw, unified) => {
    expect(toFinishReason(raw)).toEqual({ unified, raw });
  });

  it("calls a missing reason other", () => {
    expect(toFinishReason(undefined)).toEqual({ unified: "other", raw: undefined });
  });
});
