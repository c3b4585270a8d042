import { describeKeyKind, type KeyKind, plansOfKeyKind } from "./api-key-kinds.js";
import { authChoicesByPlan, authChoicesOf, quotedChoices } from "./auth-choices.js";
import { PLANS, type Plan } from "./endpoints/plans.js";
import type { RegionId } from "./endpoints/regions.js";

/**
 * Why the resolver warned. Warnings never stop resolution; they tell the user, before any request,
 * about something that is likely to fail or is deprecated.
 *
 * - `deprecated-auth-choice`: a legacy `modelstudio-*` id was used; the message names the canonical id.
 * - `key-plan-mismatch`: a subscription key (`sk-sp-`: Coding Plan or Token Plan) on a Pay-as-you-go
 *   endpoint, or a Pay-as-you-go key on a subscription endpoint. The kinds are not interchangeable.
 * - `unrecognized-key-format`: the key does not start with `sk-`.
 * - `model-not-in-plan`: the model is outside the subscription plan's current model list (see
 *   `PLAN_MODEL_LISTS`) while the endpoint is that plan's; the message recommends the Pay-as-you-go
 *   auth choices.
 * - `auth-choice-overridden`: a base URL (option or config) replaces the auth choice's endpoint.
 * - `selection-overridden`: a base URL (option or config) replaces the endpoint that `plan`,
 *   `region`, `workspaceId` or the provider id select.
 * - `subscription-plan-guessed`: a subscription key (`sk-sp-`) and nothing that says which
 *   subscription: qwenkit picked the Coding Plan; the message says how to choose.
 * - `base-url-path`: the base URL's path is not the OpenAI-compatible one of its Model Studio
 *   host, or a non-Model-Studio URL ends in `/chat/completions`; the message names the likely URL.
 * - `insecure-http`: plain `http://` to a non-loopback host, allowed by `allowInsecureHttp`.
 */
export type QwenWarningCode =
  | "deprecated-auth-choice"
  | "key-plan-mismatch"
  | "unrecognized-key-format"
  | "model-not-in-plan"
  | "auth-choice-overridden"
  | "selection-overridden"
  | "subscription-plan-guessed"
  | "base-url-path"
  | "insecure-http";

/** A warning from the resolver: a stable code and a message for humans (never holding a key). */
export interface QwenWarning {
  readonly code: QwenWarningCode;
  readonly message: string;
}

/** Warning for a legacy `modelstudio-*` auth choice. */
export function deprecatedAuthChoiceWarning(legacyId: string, canonicalId: string): QwenWarning {
  return {
    code: "deprecated-auth-choice",
    message: `Auth choice "${legacyId}" is deprecated; use "${canonicalId}" instead (same plan, region and endpoint).`,
  };
}

/**
 * Warning for a key whose kind (from its prefix) does not fit the endpoint's plan. It never says
 * which subscription an `sk-sp-` key belongs to: the prefix cannot tell.
 */
export function keyPlanMismatchWarning(
  keyKind: KeyKind,
  endpointPlan: Plan,
  keyDescription: string,
  baseUrl: string,
): QwenWarning {
  const choices = authChoicesByPlan(plansOfKeyKind(keyKind));
  return {
    code: "key-plan-mismatch",
    message:
      `The key from ${keyDescription} is ${describeKeyKind(keyKind)}, but ${baseUrl} is a ` +
      `${PLANS[endpointPlan].label} endpoint, which takes ${describeKeyKind(PLANS[endpointPlan].keyKind)}; ` +
      `requests will be rejected with 401. Use the auth choice of your key's plan (${choices}), ` +
      `or a ${PLANS[endpointPlan].label} key.`,
  };
}

/** Warning for a key that does not look like a Model Studio key. */
export function unrecognizedKeyFormatWarning(keyDescription: string): QwenWarning {
  return {
    code: "unrecognized-key-format",
    message:
      `The key from ${keyDescription} does not start with "sk-"; Model Studio keys are ` +
      `${describeKeyKind("standard")} or ${describeKeyKind("subscription")}. Check that the right value is set.`,
  };
}

/** A plan's auth choices other than `choice`, quoted. */
const otherChoices = (plan: Plan, choice: string): string =>
  authChoicesOf(plan)
    .filter((id) => id !== choice)
    .map((id) => `"${id}"`)
    .join(" or ");

/** Warning for a model outside a subscription plan's model list, on that plan's endpoint. */
export function modelNotInPlanWarning(
  modelId: string,
  plan: Plan,
  region: RegionId,
  list: { readonly name: string; readonly asOf: string },
  standardChoice: string | undefined,
  meant?: string,
): QwenWarning {
  const listed = `Model "${modelId}" is not in the ${PLANS[plan].label}'s model list "${list.name}" (as of ${list.asOf})`;
  if (meant !== undefined) {
    // A spelling slip, not a model the plan lacks: switching plans would be the wrong advice.
    return {
      code: "model-not-in-plan",
      message: `${listed}, but "${meant}" is. Did you mean "${meant}"? Model ids are case-sensitive.`,
    };
  }
  const switchTo =
    standardChoice === undefined
      ? `the auth choice ${quotedChoices("standard")}`
      : `the auth choice "${standardChoice}" (another region: ${otherChoices("standard", standardChoice)})`;
  return {
    code: "model-not-in-plan",
    message:
      `${listed}, so the ${PLANS[plan].label} endpoint in ${region} may reject it. Pay-as-you-go serves it: switch to ${switchTo} ` +
      `with ${describeKeyKind("standard")}; changing the ${PLANS[plan].label} key will not help.`,
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

/** Warning for a base URL that replaces the endpoint the plan, region, workspace id or provider id select. */
export function selectionOverriddenWarning(
  selection: string,
  selectedBaseUrl: string,
  baseUrl: string,
  from: "option" | "config",
): QwenWarning {
  const where = from === "option" ? "The baseUrl option" : "The config's baseUrl";
  return {
    code: "selection-overridden",
    message: `${where} ${baseUrl} overrides the endpoint that ${selection} select (${selectedBaseUrl}).`,
  };
}

/**
 * Warning for a subscription key with nothing to say which subscription: qwenkit guessed a plan.
 * It says so, and how to choose, from the auth-choice table.
 */
export function subscriptionPlanGuessedWarning(
  keyDescription: string,
  guessed: Plan,
  baseUrl: string,
  others: readonly Plan[],
): QwenWarning {
  const switchTo = others.map(
    (plan) => `for the ${PLANS[plan].label}, the auth choice ${quotedChoices(plan)}`,
  );
  return {
    code: "subscription-plan-guessed",
    message:
      `The key from ${keyDescription} is ${describeKeyKind("subscription")}; its prefix cannot tell which, ` +
      `so qwenkit guessed the ${PLANS[guessed].label} (${baseUrl}). To choose, pass ${switchTo.join("; ")} ` +
      `(or plan: "${others[0] ?? guessed}"); to keep the ${PLANS[guessed].label} and silence this, the auth choice ${quotedChoices(guessed)}.`,
  };
}

/** Warning for a base URL whose path is probably not what the user meant. */
export function baseUrlPathWarning(
  baseUrl: string,
  kind: "chat-completions" | "other-path",
  suggested: string | undefined,
): QwenWarning {
  const instead = suggested === undefined ? "" : ` Did you mean ${suggested}?`;
  return {
    code: "base-url-path",
    message:
      kind === "chat-completions"
        ? `The base URL ${baseUrl} ends in /chat/completions, which the client adds itself; requests would go to …/chat/completions/chat/completions.${instead}`
        : `The base URL ${baseUrl} is on a Model Studio host but not at its OpenAI-compatible path, so it is treated as a custom endpoint (no streaming usage, no DashScope request rules).${instead}`,
  };
}

/** Warning for plain http to a non-loopback host, allowed by opt-in. */
export function insecureHttpWarning(baseUrl: string): QwenWarning {
  return {
    code: "insecure-http",
    message: `The API key will be sent unencrypted to ${baseUrl} (plain http:// allowed by allowInsecureHttp).`,
  };
}
