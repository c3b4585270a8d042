import { ENDPOINTS, type Endpoint } from "./endpoints.js";

type StandardEndpoint = Extract<Endpoint, { readonly plan: "standard" }>;
type CodingEndpoint = Extract<Endpoint, { readonly plan: "coding" }>;

/**
 * The onboarding auth choices. Each selects a plan and a region, hence an endpoint. The legacy
 * `modelstudio-*` ids still work: they map to the canonical id with a deprecation warning.
 */
export const AUTH_CHOICES = [
  {
    id: "qwen-standard-api-key-cn",
    legacyId: "modelstudio-standard-api-key-cn",
    plan: "standard",
    region: "china",
    label: "Standard (pay-as-you-go), China",
    endpoint: ENDPOINTS[0],
  },
  {
    id: "qwen-standard-api-key",
    legacyId: "modelstudio-standard-api-key",
    plan: "standard",
    region: "global",
    label: "Standard (pay-as-you-go), Global/Intl",
    endpoint: ENDPOINTS[1],
  },
  {
    id: "qwen-api-key-cn",
    legacyId: "modelstudio-api-key-cn",
    plan: "coding",
    region: "china",
    label: "Coding Plan (subscription), China",
    endpoint: ENDPOINTS[2],
  },
  {
    id: "qwen-api-key",
    legacyId: "modelstudio-api-key",
    plan: "coding",
    region: "global",
    label: "Coding Plan (subscription), Global/Intl",
    endpoint: ENDPOINTS[3],
  },
] as const satisfies readonly AuthChoiceSpec[];

/** One row of {@link AUTH_CHOICES}: an auth choice, its legacy id, and the endpoint it selects. */
export type AuthChoiceSpec =
  | {
      readonly id: string;
      readonly legacyId: string;
      readonly plan: "standard";
      readonly region: StandardEndpoint["region"];
      readonly label: string;
      readonly endpoint: StandardEndpoint;
    }
  | {
      readonly id: string;
      readonly legacyId: string;
      readonly plan: "coding";
      readonly region: CodingEndpoint["region"];
      readonly label: string;
      readonly endpoint: CodingEndpoint;
    };

/** A canonical auth choice id. */
export type AuthChoice = (typeof AUTH_CHOICES)[number]["id"];

/** A deprecated `modelstudio-*` auth choice id. */
export type LegacyAuthChoice = (typeof AUTH_CHOICES)[number]["legacyId"];
