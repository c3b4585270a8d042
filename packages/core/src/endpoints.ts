/** Billing plan of a Model Studio API key. */
export type Plan = "standard" | "coding";

/** Regions with a Standard (pay-as-you-go) OpenAI-compatible host. */
export type StandardRegion = "china" | "global" | "us" | "hongkong";

/** Regions with a Coding Plan host. */
export type CodingRegion = "china" | "global";

/** Any region qwenkit knows. */
export type Region = StandardRegion;

/** A native DashScope OpenAI-compatible endpoint. Coding Plan endpoints exist only in two regions. */
export type Endpoint =
  | {
      readonly plan: "standard";
      readonly region: StandardRegion;
      readonly host: string;
      readonly baseUrl: string;
    }
  | {
      readonly plan: "coding";
      readonly region: CodingRegion;
      readonly host: string;
      readonly baseUrl: string;
    };

/**
 * The native OpenAI-compatible hosts of Model Studio. The first four are the ones the auth
 * choices select; the US and Hong Kong Standard hosts are recognised as native when configured
 * as a custom `baseUrl`.
 */
export const ENDPOINTS = [
  {
    plan: "standard",
    region: "china",
    host: "dashscope.aliyuncs.com",
    baseUrl: "https://dashscope.aliyuncs.com/compatible-mode/v1",
  },
  {
    plan: "standard",
    region: "global",
    host: "dashscope-intl.aliyuncs.com",
    baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  },
  {
    plan: "coding",
    region: "china",
    host: "coding.dashscope.aliyuncs.com",
    baseUrl: "https://coding.dashscope.aliyuncs.com/v1",
  },
  {
    plan: "coding",
    region: "global",
    host: "coding-intl.dashscope.aliyuncs.com",
    baseUrl: "https://coding-intl.dashscope.aliyuncs.com/v1",
  },
  {
    plan: "standard",
    region: "us",
    host: "dashscope-us.aliyuncs.com",
    baseUrl: "https://dashscope-us.aliyuncs.com/compatible-mode/v1",
  },
  {
    plan: "standard",
    region: "hongkong",
    host: "cn-hongkong.dashscope.aliyuncs.com",
    baseUrl: "https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1",
  },
] as const satisfies readonly Endpoint[];

/** The four hosts that the auth choices select (Standard and Coding Plan, China and Global). */
export const PRIMARY_ENDPOINTS = ENDPOINTS.slice(0, 4);

/** Hostname of a native endpoint. */
export type NativeHost = (typeof ENDPOINTS)[number]["host"];
