import { AUTH_CHOICES, endpointFor, PLAN_MODEL_LISTS, REGIONS } from "@qwenkit/core";
import {
  AUTH_CHOICE_IDS,
  authChoiceFor,
  authChoicesOf,
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  PLANS,
} from "@qwenkit/core/advanced";
import { describe, expect, it } from "vitest";
import { qwenApiErrorFromResponse } from "./classify.js";
import type { QwenErrorContext } from "./context.js";

const body = (error: Record<string, unknown>) => JSON.stringify({ error });
const INVALID_KEY = body({ code: "invalid_api_key", message: "Incorrect API key provided." });
const EXPIRED = body({ message: "invalid access token or token expired" });

/** Each auth choice as a user selects it: its endpoint, resolved as core resolves it. */
const CHOICES = AUTH_CHOICE_IDS.map((id) => {
  const { plan, region } = AUTH_CHOICES[id];
  const endpoint = endpointFor({ plan, region });
  return { id, plan, region, endpoint: { ...endpoint, workspaceId: undefined } };
});

const hintOf = (status: number, text: string, context: QwenErrorContext) =>
  qwenApiErrorFromResponse({ status, body: text }, context);

describe.each(CHOICES)("401 on the $id endpoint", ({ plan, region, endpoint }) => {
  const keyKind = PLANS[plan].keyKind;
  const otherRegions = authChoicesOf(plan).filter((id) => AUTH_CHOICES[id].region !== region);

  it("with a key of the right kind: names the auth choice of every other region of the plan", () => {
    const error = hintOf(401, INVALID_KEY, { endpoint, keyKind });
    expect(error.kind).toBe("invalid-api-key");
    expect(error.hint).toContain(REGIONS[region].label);
    for (const id of otherRegions) {
      expect(error.hint).toContain(`${REGIONS[AUTH_CHOICES[id].region].label} needs the auth choice "${id}"`);
    }
  });

  it("never claims which subscription an sk-sp- key belongs to, and names both subscription plans", () => {
    for (const text of [INVALID_KEY, EXPIRED]) {
      const error = hintOf(401, text, { endpoint, keyKind: "subscription" });
      expect(error.hint).not.toMatch(/is an? (?:Coding|Token) Plan key|This is a (?:Coding|Token) Plan key/);
      if (PLANS[plan].keyKind === "subscription") {
        expect(error.hint).toContain(PLANS.coding.label);
        expect(error.hint).toContain(PLANS.token.label);
      }
    }
  });

  it("with a key of the other kind: says so, and names the way back in this region", () => {
    const other = keyKind === "standard" ? "subscription" : "standard";
    const error = hintOf(401, INVALID_KEY, { endpoint, keyKind: other });
    expect(error.hint).toMatch(new RegExp(`but the endpoint is a ${PLANS[plan].label} host`));
    if (other === "standard") expect(error.hint).toContain(`"${authChoiceFor("standard", region)}"`);
    else
      for (const subscription of ["coding", "token"] as const) {
        const id = authChoiceFor(subscription, region);
        if (id !== undefined) expect(error.hint).toContain(`"${id}"`);
      }
  });
});

describe("401 on a workspace-dedicated domain", () => {
  const workspaceRegions = ENDPOINT_FAMILIES.workspace.regions;
  it.each(workspaceRegions)("%s: only that workspace's keys work there", (region) => {
    const endpoint = endpointFor({ plan: "standard", region, workspaceId: "llm-abc123" });
    const error = hintOf(401, INVALID_KEY, { endpoint, keyKind: "standard" });
    expect(error.hint).toContain("workspace llm-abc123");
    expect(error.hint).toMatch(/only API keys created in that workspace work here/);
  });
});

describe("404", () => {
  it.each(ENDPOINT_FAMILY_IDS)(
    "without DashScope's model error on a %s host: the path is wrong, the URL named",
    (family) => {
      const { plan } = ENDPOINT_FAMILIES[family];
      const region = ENDPOINT_FAMILIES[family].regions[0] ?? "cn-beijing";
      const endpoint = endpointFor({
        plan,
        region,
        family,
        workspaceId: family === "workspace" ? "ws1" : undefined,
      });
      const baseUrl = `https://${new URL(endpoint.baseUrl).host}/compatible-mode/v2`;
      for (const text of [body({ code: "not_found", message: "Not Found" }), "<html>404</html>", ""]) {
        const error = hintOf(404, text, { endpoint: { ...endpoint, baseUrl } });
        expect(error.kind).toBe("endpoint-not-found");
        expect(error.hint).toContain(`${baseUrl}/chat/completions does not exist`);
        expect(error.hint).toContain(ENDPOINT_FAMILIES[family].basePath);
      }
    },
  );

  it("with DashScope's model_not_found: model-not-found, a case slip named", () => {
    const error = hintOf(
      404,
      body({ code: "model_not_found", message: "The model `qwen3.5-Plus` does not exist" }),
      {
        endpoint: { plan: "standard", region: "cn-beijing" },
      },
    );
    expect(error.kind).toBe("model-not-found");
    expect(error.hint).toContain("did you mean qwen3.5-plus?");
  });
});

describe.each(["coding", "token"] as const)("the %s plan", (plan) => {
  const region = "ap-southeast-1";
  const endpoint = endpointFor({ plan, region });
  const listed = PLAN_MODEL_LISTS[plan === "coding" ? "coding-2026-11" : "token-2026-11"]
    .models as readonly string[];
  const mixedCase = listed.find((model) => model !== model.toLowerCase());
  const rejected = (model: string) =>
    body({ code: "invalid_parameter_error", message: `model '${model}' is not supported` });

  it("a listed model spelled in the wrong case: did you mean, not Pay-as-you-go", () => {
    expect(mixedCase).toBeDefined();
    const slip = (mixedCase ?? "").toLowerCase();
    const error = hintOf(400, rejected(slip), { endpoint, keyKind: "subscription", model: slip });
    expect(error.kind).toBe("model-not-in-plan");
    expect(error.hint).toBe(
      `Did you mean ${mixedCase}? Model ids are case-sensitive, and ${mixedCase} is on the ${PLANS[plan].label}'s model list.`,
    );
  });

  it("a model off the list: names the region's Pay-as-you-go auth choice", () => {
    const error = hintOf(400, rejected("qwen4-max-preview"), {
      endpoint,
      keyKind: "subscription",
      model: "qwen4-max-preview",
    });
    expect(error.hint).toContain(`qwen4-max-preview is not on the ${PLANS[plan].label}'s model list`);
    expect(error.hint).toContain(`"${authChoiceFor("standard", region)}"`);
  });

  it("405: the plan is for interactive tools, not applications", () => {
    const error = hintOf(
      405,
      JSON.stringify({ error: "Coding Plan is currently only available for Coding Agents" }),
      { endpoint },
    );
    expect(error.kind).toBe("coding-plan-client-gate");
    expect(error.hint).toMatch(
      plan === "coding" ? /only for interactive coding tools/ : /only for interactive AI tools/,
    );
    expect(error.hint).toContain(`"${authChoiceFor("standard", region)}"`);
  });
});
