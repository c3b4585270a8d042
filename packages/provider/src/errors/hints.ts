import { AUTH_CHOICES, type AuthChoice, CATALOG, type Plan, REGIONS, type RegionId } from "@qwenkit/core";
import {
  authChoiceFor,
  authChoicesOf,
  currentPlanModels,
  describeKeyKind,
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  isListedPlan,
  KEY_KINDS,
  PLANS,
  plansOfKeyKind,
  suggest,
} from "@qwenkit/core/advanced";
import type { QwenErrorContext } from "./context.js";

/**
 * The hints that depend on the plan, region and host family of the call. Every auth choice,
 * plan, region and path they name comes from core's tables, never typed into the text.
 */

/** `"a" or "b"`. */
const quoted = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(" or ");

/** An auth choice with where it points, e.g. `"qwen-api-key-cn" (China (Beijing))`. */
const choiceWithRegion = (id: AuthChoice): string => `"${id}" (${REGIONS[AUTH_CHOICES[id].region].label})`;

/** The auth choices of a plan, each with its region. */
const choicesOf = (plan: Plan): string => authChoicesOf(plan).map(choiceWithRegion).join(" or ");

/** How to pick Pay-as-you-go instead, in the endpoint's region when it has an auth choice there. */
function payAsYouGo(region: RegionId | undefined): string {
  const choice = region === undefined ? undefined : authChoiceFor("standard", region);
  return choice === undefined
    ? `a ${PLANS.standard.label} auth choice (${choicesOf("standard")}) with a ${PLANS.standard.label} key`
    : `the ${PLANS.standard.label} auth choice "${choice}" with a ${PLANS.standard.label} key`;
}

const planLabel = (plan: Plan | undefined): string =>
  plan === undefined ? "this" : `the ${PLANS[plan].label}`;

/** The 401 hint: key kind against endpoint plan, workspace domains, regions, expiry. */
export function apiKeyHint(context: QwenErrorContext, message: string | undefined): string {
  const { keyKind } = context;
  const { plan, region, family, workspaceId } = context.endpoint ?? {};
  if (plan !== undefined && keyKind !== undefined && PLANS[plan].keyKind !== keyKind) {
    const wanted = PLANS[plan].keyKind;
    const fix =
      keyKind === "subscription"
        ? `the auth choice of the key's plan (${subscriptionChoices(region)})`
        : payAsYouGo(region);
    return `This is ${describeKeyKind(keyKind)}, but the endpoint is a ${PLANS[plan].label} host, which takes ${describeKeyKind(wanted)}: use ${fix}, or a ${PLANS[plan].label} key.`;
  }
  if (family !== undefined && ENDPOINT_FAMILIES[family].keys === "workspace") {
    return `This is a ${ENDPOINT_FAMILIES[family].label}${workspaceId === undefined ? "" : ` of workspace ${workspaceId}`}: only API keys created in that workspace work here. Use a key of that workspace, or the region's shared domain with any key of the region.`;
  }
  const regionAdvice = otherRegions(plan, region);
  if (keyKind === "subscription" || (plan !== undefined && PLANS[plan].keyKind === "subscription")) {
    const expired = message !== undefined && /token expired/i.test(message) ? " or has expired" : "";
    return `The subscription key was rejected${expired}. ${subscriptionPlans()} keys both start with ${KEY_KINDS.subscription.prefix} and each works only on its own plan's hosts (${subscriptionChoices(region)}): renew or copy the key in that plan's console.${regionAdvice}`;
  }
  return `The API key was rejected: check it is current.${regionAdvice}`;
}

/** The subscription plans, from the plan table: `Coding Plan and Token Plan`. */
const subscriptionPlans = (): string =>
  plansOfKeyKind("subscription")
    .map((plan) => PLANS[plan].label)
    .join(" and ");

/** Each subscription plan's auth choice in `region` (all of them where it has none there). */
function subscriptionChoices(region: RegionId | undefined): string {
  return plansOfKeyKind("subscription")
    .map((plan) => {
      const here = region === undefined ? undefined : authChoiceFor(plan, region);
      return `${PLANS[plan].label}: ${quoted(here === undefined ? authChoicesOf(plan) : [here])}`;
    })
    .join("; ");
}

/** Keys are per region: name the auth choices of the plan in the other regions. */
function otherRegions(plan: Plan | undefined, region: RegionId | undefined): string {
  if (plan === undefined || region === undefined)
    return " Keys are per region: a key works only in the region it was created in.";
  const others = authChoicesOf(plan).filter((id) => AUTH_CHOICES[id].region !== region);
  if (others.length === 0) return ` Keys are per region: this is the ${REGIONS[region].label} endpoint.`;
  return ` Keys are per region: this is the ${REGIONS[region].label} endpoint; a key from ${others
    .map((id) => `${REGIONS[AUTH_CHOICES[id].region].label} needs the auth choice "${id}"`)
    .join(", ")}.`;
}

/** The model list `model` was judged by on a subscription plan. */
function planList(context: QwenErrorContext, plan: Plan): readonly string[] {
  if (context.planModels !== undefined) return context.planModels;
  return isListedPlan(plan) ? currentPlanModels(plan).models : [];
}

/** The 400 `model 'X' is not supported` hint on a subscription host. */
export function modelNotInPlanHint(context: QwenErrorContext, model: string): string {
  const { plan, region } = context.endpoint ?? {};
  const list = plan === undefined ? [] : planList(context, plan);
  const name = plan === undefined ? "the subscription plan" : planLabel(plan);
  if (list.includes(model)) {
    return `The host rejected ${model} although ${name}'s model list in qwenkit has it: the plan's list may have changed. Pick another of its models, or switch to ${payAsYouGo(region)}.`;
  }
  const listed = suggest(model, list, { maxEdits: 0 });
  if (listed !== undefined) {
    return `Did you mean ${listed}? Model ids are case-sensitive, and ${listed} is on ${name}'s model list.`;
  }
  return `${model} is not on ${name}'s model list: pick one of its models, or switch to ${payAsYouGo(region)}.`;
}

const CATALOG_IDS: readonly string[] = CATALOG.map((entry) => entry.id);

/** The 404 `model_not_found` hint: a case slip of a known id is named. */
export function modelNotFoundHint(context: QwenErrorContext, model: string): string {
  const plan = context.endpoint?.plan;
  const known = plan === undefined ? CATALOG_IDS : [...planList(context, plan), ...CATALOG_IDS];
  const close = suggest(model, known, { maxEdits: 0 });
  const where = context.endpoint?.region === undefined ? "" : ` in ${REGIONS[context.endpoint.region].label}`;
  return close === undefined
    ? `${model} does not exist on this endpoint${where} or the account has no access to it: check the id (ids are case-sensitive) and the region.`
    : `${model} does not exist: did you mean ${close}? Model ids are case-sensitive.`;
}

/** The OpenAI-compatible paths Model Studio uses, from the family table. */
function compatiblePaths(context: QwenErrorContext): string {
  const family = context.endpoint?.family;
  if (family !== undefined) return `this host's is ${ENDPOINT_FAMILIES[family].basePath}`;
  const byPath = new Map<string, string[]>();
  for (const id of ENDPOINT_FAMILY_IDS) {
    const { basePath, label } = ENDPOINT_FAMILIES[id];
    byPath.set(basePath, [...(byPath.get(basePath) ?? []), label]);
  }
  return [...byPath].map(([path, labels]) => `${path} (${labels.join(", ")})`).join("; ");
}

/** A 404 without DashScope's model error: the base URL's path is wrong. */
export function endpointNotFoundHint(context: QwenErrorContext): string {
  const url = context.endpoint?.baseUrl;
  return `${url === undefined ? "The chat completions path" : `${url}/chat/completions`} does not exist: the base URL's path is likely wrong (Model Studio's OpenAI-compatible path: ${compatiblePaths(context)}).`;
}

/**
 * Who each subscription plan is for (Alibaba Cloud Model Studio docs, "Obtain an API key" and
 * "Token Plan overview", 2026-11-27: the Coding Plan for interactive coding tools only, the Token
 * Plan for interactive AI tools only).
 */
const MEANT_FOR: Readonly<Record<Extract<Plan, "coding" | "token">, string>> = {
  coding: "interactive coding tools (such as Claude Code or OpenClaw)",
  token: "interactive AI tools",
};

/** The 405 hint: the subscription plans refuse applications that are not interactive tools. */
export function clientGateHint(context: QwenErrorContext): string {
  const { plan, region } = context.endpoint ?? {};
  const who =
    plan !== undefined && isListedPlan(plan)
      ? `${planLabel(plan)} is only for ${MEANT_FOR[plan]}`
      : `the ${PLANS.coding.label} is only for ${MEANT_FOR.coding}, the ${PLANS.token.label} only for ${MEANT_FOR.token}`;
  return `The host refused this client: ${who}, not for other applications. For your own application use ${payAsYouGo(region)}.`;
}
