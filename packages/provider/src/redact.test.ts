import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { redactError, redactSecrets } from "./redact.js";

const KEY = "sk-0123456789abcdef0123456789abcdef";
const MASKED = "sk-…cdef";

describe("redactSecrets", () => {
  it("masks the given secrets and anything shaped like an sk- key", () => {
    const out = redactSecrets(`Bearer ${KEY} and custom-secret-value-1`, ["custom-secret-value-1"]);
    expect(out).toContain(`Bearer ${MASKED}`);
    expect(out).not.toContain("custom-secret-value-1");
  });
});

describe("redactError", () => {
  it("returns an error without secrets as it is", () => {
    const error = Object.assign(new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") }), {
      code: "E",
    });
    expect(redactError(error, [KEY])).toBe(error);
  });

  it("masks the key in the message, the stack and every cause, keeping name and code", () => {
    const inner = Object.assign(new Error(`proxy refused Bearer ${KEY}`), { code: "EPROXY", errno: -1 });
    const outer = new TypeError("fetch failed", { cause: inner });
    const redacted = redactError(outer, [KEY]);
    const shown = inspect(redacted, { depth: Number.POSITIVE_INFINITY, showHidden: true });
    expect(shown).not.toContain(KEY);
    expect(shown).toContain(`proxy refused Bearer ${MASKED}`);
    expect(redacted.name).toBe("TypeError");
    expect(redacted.cause).toMatchObject({
      code: "EPROXY",
      errno: -1,
      message: `proxy refused Bearer ${MASKED}`,
    });
  });

  it("masks a key found only in a string field (dropping that field)", () => {
    const error = Object.assign(new Error("request failed"), {
      authorization: `Bearer ${KEY}`,
      code: "E_AUTH",
    });
    const redacted = redactError(error, [KEY]);
    expect(inspect(redacted, { showHidden: true })).not.toContain(KEY);
    expect(redacted).toMatchObject({ message: "request failed", code: "E_AUTH" });
  });
});
