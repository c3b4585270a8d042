import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capabilitiesForBaseUrl } from "../capabilities.js";
import { errorOf } from "../test-utils/error-of.js";
import { EXPECTED_HOSTS } from "../test-utils/expected-hosts.js";
import { endpointFor } from "./endpoint-for.js";
import { ENDPOINT_FAMILIES, ENDPOINT_FAMILY_IDS } from "./families.js";
import { matchNativeEndpoint, matchNativeHost, mockBaseUrl } from "./match.js";

const hostOnly = ({ baseUrl: _baseUrl, ...match }: (typeof EXPECTED_HOSTS)[number]) => match;

describe("every family in every region is native", () => {
  it("the table covers every family and each of its regions", () => {
    for (const family of ENDPOINT_FAMILY_IDS) {
      const regions = EXPECTED_HOSTS.filter((row) => row.family === family).map((row) => row.region);
      expect([...regions].sort()).toEqual([...ENDPOINT_FAMILIES[family].regions].sort());
    }
  });

  it.each(EXPECTED_HOSTS)("$baseUrl is $family, $plan, $region", (row) => {
    expect(matchNativeEndpoint(row.baseUrl)).toEqual(row);
    expect(matchNativeHost(row.host)).toEqual(hostOnly(row));
    expect(matchNativeHost(row.host.toUpperCase())).toEqual(hostOnly(row));
    expect(capabilitiesForBaseUrl(row.baseUrl)).toMatchObject({ native: true, streamingUsage: true });
  });

  it.each(EXPECTED_HOSTS)("$baseUrl matches in every spelling a user may type", (row) => {
    for (const spelling of [
      ` ${row.baseUrl}/ `,
      row.baseUrl.toUpperCase().replace("/COMPATIBLE-MODE/V1", "/compatible-mode/v1").replace("/V1", "/v1"),
      row.baseUrl.replace("https://", ""),
      `${row.baseUrl}?x=1#frag`,
      row.baseUrl.replace(row.host, `${row.host}:443`),
    ]) {
      expect(matchNativeEndpoint(spelling), spelling).toEqual(row);
    }
  });

  it.each(EXPECTED_HOSTS)("endpointFor builds $baseUrl", (row) => {
    expect(
      endpointFor({ plan: row.plan, region: row.region, workspaceId: row.workspaceId, family: row.family }),
    ).toEqual(row);
  });

  it.each(EXPECTED_HOSTS)("$host in the mock layout on loopback resolves as the host", (row) => {
    for (const origin of [
      "http://127.0.0.1:4010",
      "http://localhost:9",
      "http://[::1]:4010",
      "https://127.0.0.1:8443",
    ]) {
      const url = mockBaseUrl(origin, row);
      expect(url).toBe(`${origin}/${row.host}${row.basePath}`);
      expect(matchNativeEndpoint(url)).toEqual(row);
      expect(mockBaseUrl(origin, row.host)).toBe(url);
      expect(mockBaseUrl(origin, row.baseUrl)).toBe(url);
    }
  });
});

describe("lookalikes are not native", () => {
  it.each([
    // the shared domains
    "https://dashscope.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://evil-dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com@evil.example/compatible-mode/v1",
    "https://evil.example/dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com./compatible-mode/v1",
    "https://dashscope.aliyuncs.com:8443/compatible-mode/v1",
    "http://dashscope.aliyuncs.com/compatible-mode/v1",
    "https://dashscope.aliyuncs.com/compatible-mode/v2",
    "https://dashscope.aliyuncs.com/v1",
    "https://dashscope.aliyuncs.com",
    "https://user:pass@dashscope.aliyuncs.com/compatible-mode/v1",
    // workspace domains
    "https://a.b.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://llm-abc.mars-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.com./compatible-mode/v1",
    "http://llm-abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.com:444/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.com/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.com@evil.example/compatible-mode/v1",
    "https://-abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://abc-.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://llm_abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    `https://${"a".repeat(64)}.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1`,
    "https://ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://maas.aliyuncs.com/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas.aliyuncs.co/compatible-mode/v1",
    "https://llm-abc.ap-southeast-1.maas-aliyuncs.com/compatible-mode/v1",
    "https://evil.example/llm-abc.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    // trial domains
    "https://trial.mars-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://trial.ap-southeast-1.maas.aliyuncs.com.evil.example/compatible-mode/v1",
    "http://trial.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://x.trial.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://trial.ap-southeast-1.maas.aliyuncs.com/v1",
    // Coding Plan
    "https://coding.dashscope.aliyuncs.com/compatible-mode/v1",
    "https://coding-intl.dashscope.aliyuncs.com.evil.example/v1",
    "http://coding-intl.dashscope.aliyuncs.com/v1",
    "https://coding-us.dashscope.aliyuncs.com/v1",
    // Token Plan
    "https://token-plan.cn-beijing.maas.aliyuncs.com.evil.example/compatible-mode/v1",
    "https://token-plan.eu-central-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://token-plan.mars-1.maas.aliyuncs.com/compatible-mode/v1",
    "http://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://token-plan.ap-southeast-1.maas.aliyuncs.com/v1",
    "https://user@token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    "https://token-plan.ap-southeast-1.maas.aliyuncs.com:8443/compatible-mode/v1",
    // the mock layout off loopback, or with a host that is not spelled exactly
    "http://10.0.0.1:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1",
    "https://evil.example/token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
    "http://127.0.0.1:4010/DashScope-Intl.aliyuncs.com/compatible-mode/v1",
    "http://127.0.0.1:4010/dashscope-intl.aliyuncs.com/compatible-mode/v1/extra",
    "http://127.0.0.1:4010/dashscope-intl.aliyuncs.com",
    "http://127.0.0.1:4010/evil.example/compatible-mode/v1",
    "http://127.0.0.1:4010/compatible-mode/v1",
    "not a url at all",
  ])("%s", (url) => {
    expect(matchNativeEndpoint(url)).toBeUndefined();
    expect(capabilitiesForBaseUrl(url).native).toBe(false);
  });

  it.each([
    "token-plan.cn-beijing.maas.aliyuncs.com.evil.example",
    "a.b.ap-southeast-1.maas.aliyuncs.com",
    "trial.mars-1.maas.aliyuncs.com",
    "token-plan.us-east-1.maas.aliyuncs.com",
    "dashscope.aliyuncs.com.",
    "dashscope.aliyuncs.com:443",
    "user@dashscope.aliyuncs.com",
    "",
    " dashscope.aliyuncs.com",
  ])("the hostname %j is not native", (hostname) => {
    expect(matchNativeHost(hostname)).toBeUndefined();
  });

  it("a hostname that is not a string is not native", () => {
    expect(matchNativeHost(undefined as unknown as string)).toBeUndefined();
    expect(matchNativeEndpoint(42 as unknown as string)).toBeUndefined();
  });
});

const label = fc.stringMatching(/^[a-z\d](?:[a-z\d-]{0,20}[a-z\d])?$/);
const region = fc.constantFrom(...ENDPOINT_FAMILIES.workspace.regions);

describe("workspace ids (properties)", () => {
  it("any one-label workspace id other than the reserved labels names a workspace domain", () => {
    fc.assert(
      fc.property(
        label.filter((id) => id !== "trial" && id !== "token-plan"),
        region,
        (workspaceId, regionId) => {
          const match = matchNativeHost(`${workspaceId}.${regionId}.maas.aliyuncs.com`);
          expect(match).toMatchObject({ family: "workspace", workspaceId, region: regionId });
        },
      ),
    );
  });

  it("more than one label, or any suffix, is never native", () => {
    fc.assert(
      fc.property(label, label, region, label, (a, b, regionId, suffix) => {
        expect(matchNativeHost(`${a}.${b}.${regionId}.maas.aliyuncs.com`)).toBeUndefined();
        expect(matchNativeHost(`${a}.${regionId}.maas.aliyuncs.com.${suffix}`)).toBeUndefined();
      }),
    );
  });

  it("a name claims at most one family", () => {
    for (const row of EXPECTED_HOSTS) {
      const match = matchNativeHost(row.host);
      expect(match?.family).toBe(row.family);
    }
  });
});

describe("mockBaseUrl", () => {
  it.each([
    ["not an origin", "127.0.0.1:4010"],
    ["a path", "http://127.0.0.1:4010/prefix"],
    ["another scheme", "ftp://127.0.0.1:4010"],
  ])("refuses an origin with %s", (_label, origin) => {
    expect(errorOf(() => mockBaseUrl(origin, "dashscope.aliyuncs.com")).kind).toBe("invalid-option");
  });

  it.each([
    "dashscope.aliyuncs.com.evil.example",
    "https://evil.example/v1",
    "trial.mars-1.maas.aliyuncs.com",
  ])("refuses a host that is not native: %s", (host) => {
    expect(errorOf(() => mockBaseUrl("http://127.0.0.1:4010", host)).kind).toBe("invalid-base-url");
  });

  it("drops a trailing slash of the origin", () => {
    expect(mockBaseUrl("http://127.0.0.1:4010/", "coding-intl.dashscope.aliyuncs.com")).toBe(
      "http://127.0.0.1:4010/coding-intl.dashscope.aliyuncs.com/v1",
    );
  });
});
