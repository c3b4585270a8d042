import type { EndpointFamilyId } from "../endpoints/families.js";
import type { Plan } from "../endpoints/plans.js";
import type { RegionId } from "../endpoints/regions.js";

/** One native host as Alibaba's docs spell it, written out by hand for tests. */
export interface ExpectedHost {
  readonly family: EndpointFamilyId;
  readonly plan: Plan;
  readonly region: RegionId;
  readonly workspaceId: string | undefined;
  readonly host: string;
  readonly basePath: string;
  readonly baseUrl: string;
}

const row = (
  family: EndpointFamilyId,
  plan: Plan,
  region: RegionId,
  host: string,
  workspaceId?: string,
): ExpectedHost => {
  const basePath = family === "coding-plan" ? "/v1" : "/compatible-mode/v1";
  return { family, plan, region, workspaceId, host, basePath, baseUrl: `https://${host}${basePath}` };
};

const WORKSPACE = "llm-abc123";

/** Every family in every region it exists in (workspace domains with one sample workspace id). */
export const EXPECTED_HOSTS: readonly ExpectedHost[] = [
  row("dashscope", "standard", "cn-beijing", "dashscope.aliyuncs.com"),
  row("dashscope", "standard", "ap-southeast-1", "dashscope-intl.aliyuncs.com"),
  row("dashscope", "standard", "us-east-1", "dashscope-us.aliyuncs.com"),
  row("dashscope", "standard", "cn-hongkong", "cn-hongkong.dashscope.aliyuncs.com"),
  row("workspace", "standard", "cn-beijing", `${WORKSPACE}.cn-beijing.maas.aliyuncs.com`, WORKSPACE),
  row("workspace", "standard", "ap-southeast-1", `${WORKSPACE}.ap-southeast-1.maas.aliyuncs.com`, WORKSPACE),
  row("workspace", "standard", "ap-northeast-1", `${WORKSPACE}.ap-northeast-1.maas.aliyuncs.com`, WORKSPACE),
  row("workspace", "standard", "eu-central-1", `${WORKSPACE}.eu-central-1.maas.aliyuncs.com`, WORKSPACE),
  row("workspace", "standard", "cn-hongkong", `${WORKSPACE}.cn-hongkong.maas.aliyuncs.com`, WORKSPACE),
  row("workspace", "standard", "us-east-1", `${WORKSPACE}.us-east-1.maas.aliyuncs.com`, WORKSPACE),
  row("trial", "standard", "cn-beijing", "trial.cn-beijing.maas.aliyuncs.com"),
  row("trial", "standard", "ap-southeast-1", "trial.ap-southeast-1.maas.aliyuncs.com"),
  row("trial", "standard", "ap-northeast-1", "trial.ap-northeast-1.maas.aliyuncs.com"),
  row("trial", "standard", "eu-central-1", "trial.eu-central-1.maas.aliyuncs.com"),
  row("trial", "standard", "cn-hongkong", "trial.cn-hongkong.maas.aliyuncs.com"),
  row("trial", "standard", "us-east-1", "trial.us-east-1.maas.aliyuncs.com"),
  row("coding-plan", "coding", "cn-beijing", "coding.dashscope.aliyuncs.com"),
  row("coding-plan", "coding", "ap-southeast-1", "coding-intl.dashscope.aliyuncs.com"),
  row("token-plan", "token", "cn-beijing", "token-plan.cn-beijing.maas.aliyuncs.com"),
  row("token-plan", "token", "ap-southeast-1", "token-plan.ap-southeast-1.maas.aliyuncs.com"),
];
