import { describe, expect, it } from "vitest";
import { linkAbort } from "./abort-link.js";

describe("linkAbort", () => {
  it("aborts the target with the reason of the first source that aborts, and only once", () => {
    const [first, second, target] = [new AbortController(), new AbortController(), new AbortController()];
    linkAbort(target, [first.signal, undefined, second.signal]);
    expect(target.signal.aborted).toBe(false);
    second.abort("second");
    first.abort("first");
    expect([target.signal.aborted, target.signal.reason]).toEqual([true, "second"]);
  });

  it("aborts at once when a source already has", () => {
    const target = new AbortController();
    linkAbort(target, [new AbortController().signal, AbortSignal.abort("early")]);
    expect(target.signal.reason).toBe("early");
  });

  it("stops listening once unlinked", () => {
    const [source, target] = [new AbortController(), new AbortController()];
    const unlink = linkAbort(target, [source.signal]);
    unlink();
    source.abort("late");
    expect(target.signal.aborted).toBe(false);
  });
});
