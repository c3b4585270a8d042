import type { CodingRegion, StandardRegion } from "./endpoints.js";

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
  },
  {
    id: "qwen-standard-api-key",
    legacyId: "modelstudio-standard-api-key",
    plan: "standard",
    region: "global",
    label: "Standard (pay-as-you-go), Global/Intl",
  },
  {
    id: "qwen-api-key-cn",
    legacyId: "modelstudio-api-key-cn",
    plan: "coding",
    region: "china",
    label: "Coding Plan (subscription), China",
  },
  {
    id: "qwen-api-key",
    legacyId: "modelstudio-api-key",
    plan: "coding",
    region: "global",
    label: "Coding Plan (subscription), Global/Intl",
  },
] as const satisfies readonly AuthChoiceSpec[];

/** One row of {@link AUTH_CHOICES}. */
export type AuthChoiceSpec =
  | {
      readonly id: string;
      readonly legacyId: string;
      readonly plan: "standard";
      readonly region: StandardRegion;
      readonly label: string;
    }
  | {
      readonly id: string;
      readonly legacyId: string;
      readonly plan: "coding";
      readonly region: CodingRegion;
      readonly label: string;
    };

/** A canonical auth choice id. */
export type AuthChoice = (typeof AUTH_CHOICES)[number]["id"];

/** A deprecated `modelstudio-*` auth choice id. */
export type LegacyAuthChoice = (typeof AUTH_CHOICES)[number]["legacyId"];
