/** What qwenkit knows about a region. */
export interface RegionSpec {
  /** The region as Alibaba Cloud's console names it, e.g. `Singapore`. */
  readonly label: string;
}

/**
 * The Alibaba Cloud regions with an OpenAI-compatible Model Studio host, keyed by Alibaba's
 * RegionId. qwenkit names regions only this way (China is `cn-beijing`, Global/International is
 * `ap-southeast-1`, Singapore), so one name works in options, results and host names alike.
 */
export const REGIONS = {
  "cn-beijing": { label: "China (Beijing)" },
  "ap-southeast-1": { label: "Singapore" },
  "us-east-1": { label: "US (Virginia)" },
  "cn-hongkong": { label: "China (Hong Kong)" },
  "ap-northeast-1": { label: "Japan (Tokyo)" },
  "eu-central-1": { label: "Germany (Frankfurt)" },
} as const satisfies Readonly<Record<string, RegionSpec>>;

/** An Alibaba Cloud RegionId that has a Model Studio host, e.g. `ap-southeast-1`. */
export type RegionId = keyof typeof REGIONS;

/** Whether `value` is one of the {@link REGIONS} ids (exact spelling, lower-case). */
export function isRegionId(value: unknown): value is RegionId {
  return typeof value === "string" && Object.hasOwn(REGIONS, value);
}

/** The region ids, for messages and tables (the set, not an order to look things up by). */
export const REGION_IDS = Object.keys(REGIONS) as readonly RegionId[];

/** A region for messages: its id and console name, e.g. `ap-southeast-1 (Singapore)`. */
export function regionName(region: RegionId): string {
  return `${region} (${REGIONS[region].label})`;
}
