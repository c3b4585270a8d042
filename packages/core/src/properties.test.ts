import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  capabilitiesForBaseUrl,
  findApiKey,
  isLoopbackHost,
  keyFitsPlan,
  matchNativeHost,
  modelInfo,
  normalizeBaseUrl,
  planFromKey,
  QWEN_PROVIDER_ALIASES,
  readEnvFile,
  readOpenClawConfig,
  resolveApiKey,
  resolveAuthChoice,
} from "./advanced.js";
import {
  ApiKey,
  describeKeySource,
  maskApiKey,
  matchNativeEndpoint,
  normalizeProviderId,
  parseModelRef,
  QwenConfigError,
  type ResolveQwenConfigOptions,
  resolveQwenConfig,
} from "./index.js";
import { EXPECTED_HOSTS } from "./test-utils/expected-hosts.js";

const dir = mkdtempSync(join(tmpdir(), "qwenkit-properties-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `run`; a QwenConfigError counts as a result, any other exception fails the property. */
function resultOrConfigError<T>(run: () => T): T | QwenConfigError {
  try {
    return run();
  } catch (error) {
    if (error instanceof QwenConfigError) return error;
    throw error;
  }
}

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({
    unit: fc.constantFrom(" ", "\t", "\n", "/", ":", "@", "?", "#", ".", "%", "\\", "[", "]", "a", "A", "-"),
  }),
);
const padding = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r"), maxLength: 3 });
const providerPrefix = fc
  .tuple(padding, fc.mixedCase(fc.constantFrom("qwen", ...QWEN_PROVIDER_ALIASES)), padding)
  .map(([before, id, after]) => `${before}${id}${after}`);
const urlLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl().map((url) => url.replace(/^https?:\/\//, "")),
  fc
    .constantFrom(...EXPECTED_HOSTS.map((e) => e.baseUrl))
    .chain((url) =>
      fc
        .tuple(padding, fc.mixedCase(fc.constant(url)), fc.constantFrom("", "/", "//", "?q=1", "#x"), padding)
        .map(([a, u, suffix, b]) => `${a}${u}${suffix}${b}`),
    ),
  anyString,
);
const tokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const secretKey = fc
  .tuple(
    fc.constantFrom("sk-", "sk-sp-", "tok_", ""),
    fc.string({ unit: fc.constantFrom(...tokenChars), minLength: 24, maxLength: 48 }),
  )
  .map(([prefix, body]) => `${prefix}${body}`);

describe("normalization is idempotent", () => {
  it("normalizeBaseUrl", () => {
    fc.assert(
      fc.property(urlLike, (input) => {
        const once = resultOrConfigError(() => normalizeBaseUrl(input));
        if (once instanceof QwenConfigError) return;
        expect(normalizeBaseUrl(once)).toBe(once);
        expect(matchNativeEndpoint(once)).toEqual(matchNativeEndpoint(input));
      }),
      { numRuns: 2000 },
    );
  });

  it("normalizeBaseUrl keeps native endpoints native however they are spelled", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXPECTED_HOSTS),
        padding,
        fc.constantFrom("", "/", "?a=1", "#h", "/?a=1#h"),
        fc.boolean(),
        (endpoint, pad, suffix, dropScheme) => {
          const host = endpoint.baseUrl.replace("https://", "");
          const url = `${pad}${dropScheme ? "" : "HTTPS://"}${host.replace(endpoint.host, endpoint.host.toUpperCase())}${suffix}${pad}`;
          expect(matchNativeEndpoint(url)).toEqual(endpoint);
        },
      ),
    );
  });

  it("normalizeProviderId", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, providerPrefix), (input) => {
        const once = normalizeProviderId(input);
        if (once !== undefined) expect(normalizeProviderId(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(providerPrefix, (input) => normalizeProviderId(input) === "qwen"));
  });

  it("parseModelRef round-trips through its ref", () => {
    const ref = fc.oneof(
      anyString,
      fc.tuple(providerPrefix, anyString).map(([prefix, id]) => `${prefix}/${id}`),
      fc.tuple(fc.constantFrom("openai", "bailian", ""), anyString).map(([prefix, id]) => `${prefix}/${id}`),
    );
    fc.assert(
      fc.property(ref, (input) => {
        const once = resultOrConfigError(() => parseModelRef(input));
        if (once instanceof QwenConfigError) return;
        expect(parseModelRef(once.ref)).toEqual(once);
        if (!once.modelId.includes("/")) expect(parseModelRef(once.modelId)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("parseModelRef keeps the id's case under any provider alias spelling", () => {
    const id = fc.string({ unit: fc.constantFrom(..."aZ09.-_"), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(providerPrefix, id, (prefix, modelId) => {
        expect(parseModelRef(`${prefix}/${modelId}`)).toEqual({
          provider: "qwen",
          modelId,
          ref: `qwen/${modelId}`,
        });
      }),
    );
  });
});

describe("public functions give a result or a QwenConfigError, never another exception", () => {
  const unary: [string, (input: string) => unknown][] = [
    ["normalizeProviderId", normalizeProviderId],
    ["resolveAuthChoice", resolveAuthChoice],
    ["normalizeBaseUrl", normalizeBaseUrl],
    ["matchNativeEndpoint", matchNativeEndpoint],
    ["isLoopbackHost", isLoopbackHost],
    ["maskApiKey", maskApiKey],
    ["planFromKey", planFromKey],
    ["new ApiKey", (input) => new ApiKey(input)],
    ["parseModelRef", parseModelRef],
    ["modelInfo", modelInfo],
    ["matchNativeHost", matchNativeHost],
    ["keyFitsPlan", (input) => keyFitsPlan(input, "token")],
    ["capabilitiesForBaseUrl", (input) => capabilitiesForBaseUrl(input)],
    ["readEnvFile (under a temp dir)", (input) => readEnvFile(join(dir, input))],
    ["readOpenClawConfig", readOpenClawConfig],
    ["findApiKey", (input) => findApiKey({ apiKey: input, env: {} })],
    ["resolveApiKey", (input) => resolveApiKey({ env: { QWEN_API_KEY: input } })],
    ["describeKeySource", (input) => describeKeySource({ kind: "env-file", variable: input, path: input })],
  ];

  it.each(unary)("%s", (_name, run) => {
    fc.assert(
      fc.property(fc.oneof(anyString, urlLike), (input) => {
        resultOrConfigError(() => run(input));
      }),
      { numRuns: 500 },
    );
  });

  it("readOpenClawConfig with any value", () => {
    const configish = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.anything(),
        fc.record(
          {
            agents: fc.record({
              defaults: fc.record({ model: fc.oneof(anyString, fc.record({ primary: tie("node") })) }),
            }),
            models: fc.record({
              providers: fc.dictionary(
                fc.oneof(providerPrefix, anyString),
                fc.oneof(
                  tie("node"),
                  fc.record(
                    {
                      baseUrl: fc.oneof(urlLike, tie("node")),
                      models: fc.array(
                        fc.record(
                          {
                            id: fc.oneof(anyString, tie("node")),
                            compat: fc.record({
                              supportsUsageInStreaming: fc.oneof(fc.boolean(), tie("node")),
                            }),
                          },
                          { requiredKeys: [] },
                        ),
                      ),
                    },
                    { requiredKeys: [] },
                  ),
                ),
              ),
            }),
          },
          { requiredKeys: [] },
        ),
      ),
    }));
    fc.assert(
      fc.property(configish.node, (config) => {
        resultOrConfigError(() => readOpenClawConfig(config));
      }),
      { numRuns: 1000 },
    );
  });

  it("resolveQwenConfig with arbitrary options, and the key never leaks either way", () => {
    const options = fc.record(
      {
        providerId: fc.oneof(
          providerPrefix,
          fc.constantFrom("qwen-token-plan", "bailian-token-plan", " QWEN-TOKEN-PLAN "),
          anyString,
        ),
        authChoice: fc.oneof(
          fc.constantFrom(
            "qwen-api-key",
            "modelstudio-standard-api-key-cn",
            " QWEN-API-KEY-CN ",
            "qwen-token-plan-api-key",
          ),
          anyString,
        ),
        baseUrl: urlLike,
        model: fc.oneof(
          fc.tuple(providerPrefix, anyString).map(([p, id]) => `${p}/${id}`),
          anyString,
        ),
        allowInsecureHttp: fc.boolean(),
        streamingUsage: fc.boolean(),
        codingPlanModels: fc.oneof(fc.array(anyString, { maxLength: 3 }), fc.constant("coding-2026-03")),
        plan: fc.oneof(fc.constantFrom("standard", "coding", "token"), anyString),
        region: fc.oneof(fc.constantFrom("cn-beijing", "ap-southeast-1", "ap-northeast-1"), anyString),
        workspaceId: fc.oneof(fc.constant("llm-abc"), anyString),
        config: fc.oneof(
          fc.anything(),
          fc.record({
            models: fc.record({ providers: fc.record({ qwen: fc.record({ baseUrl: urlLike }) }) }),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    // The key is sometimes pasted into another field, as a user might by mistake.
    const scenario = fc.tuple(
      secretKey,
      options,
      fc.constantFrom("none", "providerId", "authChoice", "baseUrl", "model"),
    );
    fc.assert(
      fc.property(scenario, fc.boolean(), ([key, opts, pasteInto], viaEnv) => {
        const pasted =
          pasteInto === "none" ? {} : { [pasteInto]: `${pasteInto === "baseUrl" ? "x:" : ""}${key}` };
        const lookup = viaEnv ? { env: { MODELSTUDIO_API_KEY: key } } : { apiKey: key, env: {} };
        // Arbitrary strings for plan and region, as a JavaScript caller may pass them.
        const outcome = resultOrConfigError(() =>
          resolveQwenConfig({ ...(opts as ResolveQwenConfigOptions), ...pasted, ...lookup }),
        );
        const texts =
          outcome instanceof QwenConfigError
            ? [
                String(outcome),
                outcome.stack ?? "",
                outcome.hint,
                inspect(outcome, { depth: null }),
                JSON.stringify(outcome),
              ]
            : [JSON.stringify(outcome), inspect(outcome, { depth: null, showHidden: true })];
        for (const text of texts) expect(text).not.toContain(key);
      }),
      { numRuns: 1500 },
    );
  });

  it("resolveQwenConfig with arbitrary environments", () => {
    const env = fc.dictionary(
      fc.oneof(fc.constantFrom("QWEN_API_KEY", "MODELSTUDIO_API_KEY", "DASHSCOPE_API_KEY"), anyString),
      fc.oneof(anyString, secretKey, fc.constant(undefined)),
    );
    fc.assert(
      fc.property(env, (environment) => {
        resultOrConfigError(() => resolveQwenConfig({ env: environment }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("masking", () => {
  it("a masked key never contains the key, and hides all but a short prefix and the last four", () => {
    fc.assert(
      fc.property(secretKey, (key) => {
        const masked = maskApiKey(key);
        expect(masked).not.toContain(key);
        expect(masked.replace(/^(sk-sp-|sk-)/, "").replace("…", "").length).toBeLessThanOrEqual(4);
        const apiKey = new ApiKey(key);
        for (const text of [String(apiKey), JSON.stringify(apiKey), inspect(apiKey, { showHidden: true })]) {
          expect(text).not.toContain(key);
        }
      }),
    );
  });
});
