import { describe, expect, it } from "vitest";
import { checkTransportSecurity, isLoopbackHost, normalizeBaseUrl } from "./base-url.js";
import { matchNativeEndpoint } from "./endpoints/match.js";
import { errorOf } from "./test-utils/error-of.js";
import { EXPECTED_HOSTS } from "./test-utils/expected-hosts.js";

describe("normalizeBaseUrl", () => {
  it.each([
    [
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    [
      "  https://dashscope.aliyuncs.com/compatible-mode/v1/  ",
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    [
      "dashscope-intl.aliyuncs.com/compatible-mode/v1",
      "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    ],
    ["//coding.dashscope.aliyuncs.com/v1", "https://coding.dashscope.aliyuncs.com/v1"],
    ["HTTPS://Coding-Intl.DashScope.Aliyuncs.COM/v1", "https://coding-intl.dashscope.aliyuncs.com/v1"],
    [
      "https://dashscope.aliyuncs.com/compatible-mode/v1?x=1#frag",
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    [
      "https://dashscope.aliyuncs.com/compatible-mode/v1///",
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    [
      "https://dashscope.aliyuncs.com:443/compatible-mode/v1",
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    ["https://example.com", "https://example.com"],
    ["https://example.com/", "https://example.com"],
    ["https://example.com:8443/V1/", "https://example.com:8443/V1"],
    ["localhost:8080/v1", "https://localhost:8080/v1"],
    [
      "http://127.0.0.1:4010/coding-intl.dashscope.aliyuncs.com/v1/",
      "http://127.0.0.1:4010/coding-intl.dashscope.aliyuncs.com/v1",
    ],
    ["http://[::1]:4010/v1", "http://[::1]:4010/v1"],
    ["http://example.com:80/v1", "http://example.com/v1"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["https://", "not a valid URL"],
    ["https://exa mple.com/v1", "not a valid URL"],
    ["https://example.com:99999/v1", "not a valid URL"],
    ["ftp://dashscope.aliyuncs.com/compatible-mode/v1", "scheme ftp is not http or https"],
    ["file:///etc/passwd", "scheme file is not http or https"],
    ["javascript:alert(1)", "scheme javascript is not http or https"],
    ["mailto:someone@example.com", "scheme mailto is not http or https"],
    ["ws://example.com/v1", "scheme ws is not http or https"],
    ["https://user:pass@example.com/v1", "username or password"],
    ["https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1", "username or password"],
  ])("rejects %j (%s)", (input, reason) => {
    const error = errorOf(() => normalizeBaseUrl(input));
    expect(error.kind).toBe("invalid-base-url");
    expect(error.message).toContain(reason);
    expect(error.hint).not.toBe("");
  });

  it("does not echo URL credentials in the error", () => {
    const error = errorOf(() => normalizeBaseUrl("https://admin:hunter2-secret@example.com/v1"));
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain("example.com");
  });

  it("rejects a value that is not a string with invalid-base-url", () => {
    expect(errorOf(() => normalizeBaseUrl(42 as unknown as string)).kind).toBe("invalid-base-url");
  });

  it("leaves every table base URL unchanged", () => {
    for (const endpoint of EXPECTED_HOSTS) expect(normalizeBaseUrl(endpoint.baseUrl)).toBe(endpoint.baseUrl);
  });
});

describe("matchNativeEndpoint", () => {
  it.each(EXPECTED_HOSTS.map((e) => [e.baseUrl, e.plan, e.region] as const))(
    "%s is native (%s, %s)",
    (url, plan, region) => {
      expect(matchNativeEndpoint(url)).toMatchObject({ plan, region, baseUrl: url });
    },
  );

  it.each([
    ["uppercase host", "https://DASHSCOPE.ALIYUNCS.COM/compatible-mode/v1", "cn-beijing"],
    ["no scheme", "dashscope.aliyuncs.com/compatible-mode/v1", "cn-beijing"],
    ["trailing slash", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/", "ap-southeast-1"],
    ["query and hash", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1?a=b#c", "ap-southeast-1"],
    ["explicit default port", "https://coding.dashscope.aliyuncs.com:443/v1", "cn-beijing"],
    ["surrounding whitespace", "\t https://coding-intl.dashscope.aliyuncs.com/v1 \n", "ap-southeast-1"],
    [
      "fullwidth letters the URL parser maps to ASCII",
      "https://ｄａｓｈｓｃｏｐｅ.aliyuncs.com/compatible-mode/v1",
      "cn-beijing",
    ],
  ])("normalizes to native: %s", (_label, url, region) => {
    expect(matchNativeEndpoint(url)?.region).toBe(region);
  });

  it.each([
    [
      "suffix domain (documented lookalike)",
      "https://dashscope.aliyuncs.com.evil.example/compatible-mode/v1",
    ],
    ["prefixed label (documented lookalike)", "https://evil-dashscope.aliyuncs.com/compatible-mode/v1"],
    ["userinfo (documented lookalike)", "https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1"],
    [
      "host in the path (documented lookalike)",
      "https://evil.example/dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    ["userinfo with password", "https://dashscope.aliyuncs.com:x@evil.example/compatible-mode/v1"],
    ["backslash before @", "https://evil.example\\@dashscope.aliyuncs.com/compatible-mode/v1"],
    ["subdomain of a native host", "https://evil.dashscope.aliyuncs.com/compatible-mode/v1"],
    ["parent domain", "https://aliyuncs.com/compatible-mode/v1"],
    ["other port", "https://dashscope.aliyuncs.com:8443/compatible-mode/v1"],
    ["port 80 on https", "https://dashscope.aliyuncs.com:80/compatible-mode/v1"],
    ["trailing dot", "https://dashscope.aliyuncs.com./compatible-mode/v1"],
    ["plain http", "http://dashscope.aliyuncs.com/compatible-mode/v1"],
    ["plain http, coding", "http://coding-intl.dashscope.aliyuncs.com/v1"],
    ["Cyrillic a (IDN lookalike)", "https://dаshscope.aliyuncs.com/compatible-mode/v1"],
    ["punycode lookalike", "https://xn--dshscope-16g.aliyuncs.com/compatible-mode/v1"],
    ["digit for letter", "https://dashsc0pe.aliyuncs.com/compatible-mode/v1"],
    ["hyphen instead of dot", "https://dashscope-aliyuncs.com/compatible-mode/v1"],
    ["path prefix", "https://dashscope.aliyuncs.com/proxy/compatible-mode/v1"],
    ["path suffix", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"],
    ["path case", "https://dashscope.aliyuncs.com/Compatible-Mode/v1"],
    ["wrong path for the host", "https://dashscope.aliyuncs.com/v1"],
    ["coding path on a standard host", "https://coding.dashscope.aliyuncs.com/compatible-mode/v1"],
    ["host only", "https://dashscope.aliyuncs.com"],
    ["encoded path", "https://dashscope.aliyuncs.com/compatible%2Dmode/v1"],
    [
      "mock path prefix on a remote host",
      "http://evil.example:4010/dashscope.aliyuncs.com/compatible-mode/v1",
    ],
    ["IP address", "https://47.88.1.1/compatible-mode/v1"],
    ["not a URL", "::::"],
    ["empty", ""],
  ])("lookalike is not native: %s", (_label, url) => {
    expect(matchNativeEndpoint(url)).toBeUndefined();
  });
});

describe("isLoopbackHost", () => {
  it.each([
    "localhost",
    "LOCALHOST",
    "localhost.",
    "127.0.0.1",
    "127.255.255.254",
    "127.1",
    "0x7f.1",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "[::ffff:7f00:1]",
  ])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    "example.com",
    "localhost.example.com",
    "127.0.0.1.nip.io",
    "128.0.0.1",
    "10.0.0.1",
    "0.0.0.0",
    "::",
    "::2",
    "127.0.0.1:80",
    "evil.example/@127.0.0.1",
    "",
  ])("%s is not loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("checkTransportSecurity", () => {
  it("accepts https anywhere and http to loopback hosts", () => {
    expect(checkTransportSecurity("https://example.com/v1", false)).toBeUndefined();
    expect(checkTransportSecurity("http://127.0.0.1:4010/v1", false)).toBeUndefined();
    expect(checkTransportSecurity("http://localhost:4010/v1", false)).toBeUndefined();
    expect(checkTransportSecurity("http://[::1]:4010/v1", false)).toBeUndefined();
  });

  it("refuses plain http to another host", () => {
    const error = errorOf(() => checkTransportSecurity("http://gateway.internal:8080/v1", false));
    expect(error.kind).toBe("insecure-base-url");
    expect(error.message).toContain("gateway.internal:8080");
    expect(error.hint).toContain("allowInsecureHttp");
  });

  it("allows it on opt-in, with a warning", () => {
    expect(checkTransportSecurity("http://gateway.internal:8080/v1", true)).toMatchObject({
      code: "insecure-http",
      message: expect.stringContaining("http://gateway.internal:8080/v1"),
    });
  });
});
