import { describe, expect, it } from "vitest";
import { WORKERD_COMPATIBILITY_DATE, workerdConfig } from "./workerd-config.ts";

const config = workerdConfig({ workerFile: "worker.js", mockBaseUrl: "http://127.0.0.1:4010/h/v1" });

describe("workerdConfig", () => {
  it("runs the worker with a compatibility date and no compatibility flags (so no nodejs_compat)", () => {
    expect(config).toContain(`compatibilityDate = "${WORKERD_COMPATIBILITY_DATE}"`);
    expect(config).toContain("compatibilityFlags = []");
    expect(config).not.toMatch(/nodejs/);
  });

  it("lets the worker's fetches reach loopback addresses only", () => {
    expect(config).toContain('(name = "loopback", network = (allow = ["local"]))');
    expect(config).toContain('globalOutbound = "loopback"');
  });

  it("quotes the base URL binding so no value can end the string early", () => {
    const tricky = workerdConfig({
      workerFile: "worker.js",
      mockBaseUrl: 'http://127.0.0.1:1/"), evil = ("\\',
    });
    expect(tricky).toContain('text = "http://127.0.0.1:1/\\"), evil = (\\"\\\\"');
  });
});
