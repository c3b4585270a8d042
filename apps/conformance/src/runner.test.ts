import { describe, expect, it } from "vitest";
import { CONFORMANCE_HOSTS } from "./hosts.js";
import { SkipCell } from "./result.js";
import { type Feature, runMatrix } from "./runner.js";

const hosts = CONFORMANCE_HOSTS.slice(0, 2);
const base = {
  hosts,
  cellTimeoutMs: 1_000,
  redact: (text: string) => text.replaceAll("sk-secret", "sk-…cret"),
};

describe("runMatrix", () => {
  it("runs every feature on every host and records pass, fail and skip", async () => {
    const features: Feature<string>[] = [
      { id: "ok", title: "ok", run: async (ctx) => `ran on ${ctx}` },
      {
        id: "bad",
        title: "bad",
        run: async () => {
          throw new Error("boom");
        },
      },
      {
        id: "na",
        title: "na",
        run: async () => {
          throw new SkipCell("not here");
        },
      },
    ];
    const seen: string[] = [];
    const results = await runMatrix({
      ...base,
      features,
      setup: (host) => ({ context: host.id }),
      onCell: (r) => seen.push(`${r.host}/${r.feature}`),
    });
    expect(results.map((r) => [r.host, r.feature, r.status, r.detail])).toEqual([
      ["dashscope-cn-beijing", "ok", "pass", "ran on dashscope-cn-beijing"],
      ["dashscope-cn-beijing", "bad", "fail", "Error: boom"],
      ["dashscope-cn-beijing", "na", "skip", "not here"],
      ["dashscope-ap-southeast-1", "ok", "pass", "ran on dashscope-ap-southeast-1"],
      ["dashscope-ap-southeast-1", "bad", "fail", "Error: boom"],
      ["dashscope-ap-southeast-1", "na", "skip", "not here"],
    ]);
    expect(seen).toHaveLength(6);
  });

  it("skips every cell of a host whose set-up says so", async () => {
    const results = await runMatrix({
      ...base,
      features: [{ id: "ok", title: "ok", run: async () => "ran" }],
      setup: (host) =>
        host.id === "dashscope-cn-beijing" ? { skip: "no key for dashscope-cn-beijing" } : { context: 1 },
    });
    expect(results.map((r) => r.status)).toEqual(["skip", "pass"]);
    expect(results[0]?.detail).toBe("no key for dashscope-cn-beijing");
  });

  it("fails a cell that hangs, once its time is up, and aborts its signal", async () => {
    let aborted = false;
    const results = await runMatrix({
      ...base,
      hosts: hosts.slice(0, 1),
      cellTimeoutMs: 50,
      features: [
        {
          id: "hang",
          title: "hang",
          run: (_ctx, signal) =>
            new Promise<string>(() => {
              signal.addEventListener("abort", () => {
                aborted = true;
              });
            }),
        },
      ],
      setup: () => ({ context: 0 }),
    });
    expect(results[0]).toMatchObject({ status: "fail", detail: "Error: timed out after 50 ms" });
    expect(aborted).toBe(true);
  });

  it("redacts secrets from details and names an error's kind", async () => {
    const error = Object.assign(new Error("key sk-secret rejected"), {
      name: "QwenApiError",
      kind: "invalid-api-key",
    });
    const results = await runMatrix({
      ...base,
      hosts: hosts.slice(0, 1),
      features: [
        {
          id: "leak",
          title: "leak",
          run: async () => {
            throw error;
          },
        },
      ],
      setup: () => ({ context: 0 }),
    });
    expect(results[0]?.detail).toBe("QwenApiError (invalid-api-key): key sk-…cret rejected");
  });
});
