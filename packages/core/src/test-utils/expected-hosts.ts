import type { EndpointFamilyId } from "../endpoints/families.js";
import type { NativeEndpoint } from "../endpoints/match.js";
import type { Plan } from "../endpoints/plans.js";
import type { RegionId } from "../endpoints/regions.js";

/** One native host as Alibaba's docs spell it, written out by hand for tests. */
export type ExpectedHost = NativeEndpoint;

// The base URL is the oracle, copied from the docs; its host and path are read back with the
// platform's URL parser, not with any qwenkit code.
const row = (
  family: EndpointFamilyId,
  plan: Plan,
  region: RegionId,
  baseUrl: string,
  workspaceId?: string,
): ExpectedHost => {
  const { hostname: host, pathname: basePath } = new URL(baseUrl);
  return { family, plan, region, workspaceId, host, basePath, baseUrl };
};

const WORKSPACE = "llm-abc123";

/** Every family in every region it exists in (workspace domains with one sample workspace id). */
export const EXPECTED_HOSTS: readonly ExpectedHost[] = [
  row("dashscope", "standard", "cn-beijing", "https://dashscope.aliyuncs.com/compatible-mode/v1"),
  row("dashscope", "standard", "ap-southeast-1", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
  row("dashscope", "standard", "us-east-1", "https://dashscope-us.aliyuncs.com/compatible-mode/v1"),
  row(
    "dashscope",
    "standard",
    "cn-hongkong",
    "https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1",
  ),
  row(
    "workspace",
    "standard",
    "cn-beijing",
    "https://llm-abc123.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row(
    "workspace",
    "standard",
    "ap-southeast-1",
    "https://llm-abc123.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row(
    "workspace",
    "standard",
    "ap-northeast-1",
    "https://llm-abc123.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row(
    "workspace",
    "standard",
    "eu-central-1",
    "https://llm-abc123.eu-central-1.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row(
    "workspace",
    "standard",
    "cn-hongkong",
    "https://llm-abc123.cn-hongkong.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row(
    "workspace",
    "standard",
    "us-east-1",
    "https://llm-abc123.us-east-1.maas.aliyuncs.com/compatible-mode/v1",
    WORKSPACE,
  ),
  row("trial", "standard", "cn-beijing", "https://trial.cn-beijing.maas.aliyuncs.com/compatible-mode/v1"),
  row(
    "trial",
    "standard",
    "ap-southeast-1",
    "https://trial.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
  ),
  row(
    "trial",
    "standard",
    "ap-northeast-1",
    "https://trial.ap-northeast-1.maas.aliyuncs.com/compatible-mode/v1",
  ),
  row("trial", "standard", "eu-central-1", "https://trial.eu-central-1.maas.aliyuncs.com/compatible-mode/v1"),
  row("trial", "standard", "cn-hongkong", "https://trial.cn-hongkong.maas.aliyuncs.com/compatible-mode/v1"),
  row("trial", "standard", "us-east-1", "https://trial.us-east-1.maas.aliyuncs.com/compatible-mode/v1"),
  row("coding-plan", "coding", "cn-beijing", "https://coding.dashscope.aliyuncs.com/v1"),
  row("coding-plan", "coding", "ap-southeast-1", "https://coding-intl.dashscope.aliyuncs.com/v1"),
  row(
    "token-plan",
    "token",
    "cn-beijing",
    "https://token-plan.cn-beijing.maas.aliyuncs.com/compatible-mode/v1",
  ),
  row(
    "token-plan",
    "token",
    "ap-southeast-1",
    "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",
  ),
];
