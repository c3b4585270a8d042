import type { AuthChoice, Plan } from "@qwenkit/core";
import type { QwenProviderOptions } from "../options.js";
import { createQwenProvider, type QwenProvider } from "../provider.js";

/** Test keys of the right shape per plan (the mock checks the prefix only). */
export const KEYS = {
  standard: "sk-0123456789abcdef0123456789abcdef",
  coding: "sk-sp-0123456789abcdef0123456789abcd",
  token: "sk-sp-0123456789abcdef0123456789tokn",
} as const satisfies Record<Plan, string>;

/** The four primary hosts, as a user selects them: by auth choice. */
export const HOSTS = [
  {
    name: "Standard China",
    authChoice: "qwen-standard-api-key-cn",
    plan: "standard",
    host: "dashscope.aliyuncs.com",
  },
  {
    name: "Standard Global",
    authChoice: "qwen-standard-api-key",
    plan: "standard",
    host: "dashscope-intl.aliyuncs.com",
  },
  {
    name: "Coding Plan China",
    authChoice: "qwen-api-key-cn",
    plan: "coding",
    host: "coding.dashscope.aliyuncs.com",
  },
  {
    name: "Coding Plan Global",
    authChoice: "qwen-api-key",
    plan: "coding",
    host: "coding-intl.dashscope.aliyuncs.com",
  },
] as const satisfies readonly { name: string; authChoice: AuthChoice; plan: Plan; host: string }[];

export type Host = (typeof HOSTS)[number];

/** A provider for `host` with the plan's key, no env lookup, and millisecond retry delays. */
export function providerFor(host: Host, options: QwenProviderOptions = {}): QwenProvider {
  return createQwenProvider({
    authChoice: host.authChoice,
    apiKey: KEYS[host.plan],
    env: {},
    retryDelays: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

/** Everything an async iterable yields. */
export async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure, but the call succeeded");
}
