import { describe, expect, it } from "vitest";
import { AUTH_CHOICE_IDS, AUTH_CHOICES } from "../auth-choices.js";
import { endpointFor } from "./endpoint-for.js";
import {
  ENDPOINT_FAMILIES,
  ENDPOINT_FAMILY_IDS,
  type EndpointFamilySpec,
  familyHost,
  needsWorkspaceId,
} from "./families.js";
import { PLAN_IDS } from "./plans.js";
import { isRegionId, REGION_IDS } from "./regions.js";

const specs = ENDPOINT_FAMILY_IDS.map((id) => [id, ENDPOINT_FAMILIES[id] as EndpointFamilySpec] as const);

describe("the family table", () => {
  it.each(specs)("%s names only known regions, each with a host", (family, spec) => {
    expect(spec.regions.length).toBeGreaterThan(0);
    for (const region of spec.regions) {
      expect(isRegionId(region)).toBe(true);
      expect(familyHost(family, region, "ws")).toMatch(/^[a-z\d.-]+\.aliyuncs\.com$/);
    }
    if (spec.host.kind === "fixed")
      expect(Object.keys(spec.host.byRegion).sort()).toEqual([...spec.regions].sort());
  });

  it("no lookup depends on row order: a plan and region select at most one default family, and one workspace family", () => {
    for (const plan of PLAN_IDS) {
      for (const region of REGION_IDS) {
        const defaults = specs.filter(
          ([, spec]) => spec.plan === plan && spec.selectedBy === "plan" && spec.regions.includes(region),
        );
        expect(defaults.length, `${plan} ${region}`).toBeLessThanOrEqual(1);
      }
      expect(
        specs.filter(([, spec]) => spec.plan === plan && spec.selectedBy === "workspaceId").length,
      ).toBeLessThanOrEqual(1);
    }
  });

  it("no two families share a hostname", () => {
    const hosts = specs.flatMap(([family, spec]) =>
      spec.regions.map((region) => familyHost(family, region, "ws")),
    );
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it("only the workspace family is named by a workspace id, and only its keys are per workspace", () => {
    expect(ENDPOINT_FAMILY_IDS.filter(needsWorkspaceId)).toEqual(["workspace"]);
    expect(specs.filter(([, spec]) => spec.keys === "workspace").map(([id]) => id)).toEqual(["workspace"]);
    expect(familyHost("workspace", "cn-beijing")).toBeUndefined();
  });

  it("a family has no host outside its regions", () => {
    expect(familyHost("coding-plan", "eu-central-1")).toBeUndefined();
    expect(familyHost("token-plan", "us-east-1")).toBeUndefined();
  });

  it.each(AUTH_CHOICE_IDS)("the auth choice %s selects a host of its plan and region", (id) => {
    const { plan, region } = AUTH_CHOICES[id];
    expect(endpointFor({ plan, region })).toMatchObject({ plan, region });
  });
});
