import type { Plan } from "./endpoints.js";

/**
 * Why the resolver warned. Warnings never stop resolution; they tell the user, before any request,
 * about something that is likely to fail or is deprecated.
 *
 * - `deprecated-auth-choice`: a legacy `modelstudio-*` id was used; the message names the canonical id.
 * - `key-plan-mismatch`: a Coding Plan key (`sk-sp-`) on a Standard endpoint, or a Standard key on a
 *   Coding Plan endpoint. The two kinds of key are not interchangeable.
 * - `unrecognized-key-format`: the key does not start with `sk-`.
 * - `model-not-in-plan`: the model is outside the Coding Plan's known list while the endpoint is a
 *   Coding Plan endpoint; the message recommends `qwen-standard-api-key` / `qwen-standard-api-key-cn`.
 * - `auth-choice-overridden`: a base URL (option or config) replaces the auth choice's endpoint.
 * - `insecure-http`: plain `http://` to a non-loopback host, allowed by `allowInsecureHttp`.
 */
export type QwenWarningCode =
  | "deprecated-auth-choice"
  | "key-plan-mismatch"
  | "unrecognized-key-format"
  | "model-not-in-plan"
  | "auth-choice-overridden"
  | "insecure-http";

/** A warning from the resolver: a stable code and a message for humans (never holding a key). */
export interface QwenWarning {
  readonly code: QwenWarningCode;
  readonly message: string;
}

const PLAN_NAMES: Readonly<Record<Plan, string>> = {
  standard: "Standard (pay-as-you-go)",
  coding: "Coding Plan",
};

/** Warning for a legacy `modelstudio-*` auth choice. */
export function deprecatedAuthChoiceWarning(legacyId: string, canonicalId: string): QwenWarning {
  return {
    code: "deprecated-auth-choice",
    message: `Auth choice "${legacyId}" is deprecated; use "${canonicalId}" instead (same plan, region and endpoint).`,
  };
}

/** Warning for a key whose plan (from its prefix) differs from the endpoint's plan. */
export function keyPlanMismatchWarning(
  keyPlan: Plan,
  endpointPlan: Plan,
  keyDescription: string,
  baseUrl: string,
): QwenWarning {
  const fix =
    keyPlan === "coding"
      ? "use a Coding Plan auth choice (qwen-api-key / qwen-api-key-cn) or a Standard key (sk-, not sk-sp-)"
      : "use a Standard auth choice (qwen-standard-api-key / qwen-standard-api-key-cn) or a Coding Plan key (sk-sp-)";
  return {
    code: "key-plan-mismatch",
    message:
      `The key from ${keyDescription} is a ${PLAN_NAMES[keyPlan]} key, but ${baseUrl} is a ` +
      `${PLAN_NAMES[endpointPlan]} endpoint; requests will be rejected with 401. To fix it, ${fix}.`,
  };
}

/** Warning for a key that does not look like a Model Studio key. */
export function unrecognizedKeyFormatWarning(keyDescription: string): QwenWarning {
  return {
    code: "unrecognized-key-format",
    message:
      `The key from ${keyDescription} does not start with "sk-"; Model Studio keys start with ` +
      `"sk-" (Standard) or "sk-sp-" (Coding Plan). Check that the right value is set.`,
  };
}

/** Warning for a model outside the Coding Plan's known list, on a Coding Plan endpoint. */
export function modelNotInPlanWarning(modelId: string, region: "china" | "global"): QwenWarning {
  const [first, second] =
    region === "china"
      ? ["qwen-standard-api-key-cn", "qwen-standard-api-key"]
      : ["qwen-standard-api-key", "qwen-standard-api-key-cn"];
  return {
    code: "model-not-in-plan",
    message:
      `Model "${modelId}" is not in the Coding Plan's known model list, so the Coding Plan endpoint ` +
      `may reject it. It is served on Standard: switch to the auth choice "${first}" (or "${second}") ` +
      `with a Standard (sk-) key; changing the Coding Plan key will not help.`,
  };
}

/** Warning for a base URL that replaces the endpoint the auth choice selects. */
export function authChoiceOverriddenWarning(
  authChoice: string,
  choiceBaseUrl: string,
  baseUrl: string,
  from: "option" | "config",
): QwenWarning {
  const where = from === "option" ? "The baseUrl option" : "The config's baseUrl";
  return {
    code: "auth-choice-overridden",
    message: `${where} ${baseUrl} overrides the endpoint of auth choice "${authChoice}" (${choiceBaseUrl}).`,
  };
}

/** Warning for plain http to a non-loopback host, allowed by opt-in. */
export function insecureHttpWarning(baseUrl: string): QwenWarning {
  return {
    code: "insecure-http",
    message: `The API key will be sent unencrypted to ${baseUrl} (plain http:// allowed by allowInsecureHttp).`,
  };
}
