import { plansOfKeyKind } from "../api-key-kinds.js";
import type { AuthChoiceSpec } from "../auth-choice.js";
import { QwenConfigError } from "../errors.js";
import type { ResolvedApiKey } from "../keys/config-api-key.js";
import { describeResolvedKey } from "../keys/key-source.js";
import {
  authChoiceOverriddenWarning,
  baseUrlPathWarning,
  type QwenWarning,
  selectionOverriddenWarning,
  subscriptionPlanGuessedWarning,
} from "../warnings.js";
import { endpointFor } from "./endpoint-for.js";
import type { EndpointFamilyId } from "./families.js";
import { matchNativeEndpoint, type NativeEndpoint } from "./match.js";
import { PLANS, type Plan } from "./plans.js";
import { checkProtocolPath } from "./protocol-paths.js";
import { type RegionId, regionName } from "./regions.js";

/**
 * Where the base URL came from: the `baseUrl` option (`base-url`), the config (`config`), the
 * `plan` / `region` / `workspaceId` options (`options`), the auth choice (`auth-choice`), the
 * provider id (`provider-id`, the Token Plan's), the key's prefix (`key-prefix`) or the default.
 */
export type EndpointSource =
  | "base-url"
  | "config"
  | "options"
  | "auth-choice"
  | "provider-id"
  | "key-prefix"
  | "default";

/** The endpoint requests go to. */
export interface ResolvedEndpoint {
  /** Normalized base URL (no trailing slash); requests go to `${baseUrl}/chat/completions`. */
  readonly baseUrl: string;
  /** Whether it is a native Model Studio host (or the mock's layout of one on loopback). */
  readonly native: boolean;
  /** The host family of the native host; `undefined` for a custom, non-native URL. */
  readonly family: EndpointFamilyId | undefined;
  /** The plan of the native host; `undefined` for a custom, non-native URL. */
  readonly plan: Plan | undefined;
  /** The region of the native host; `undefined` for a custom, non-native URL. */
  readonly region: RegionId | undefined;
  /** The workspace of a workspace-dedicated domain; `undefined` otherwise. */
  readonly workspaceId: string | undefined;
  /** Where the base URL came from. */
  readonly source: EndpointSource;
}

/** What selects the endpoint, validated. */
export interface EndpointInputs {
  /** The `baseUrl` option, normalized. */
  readonly baseUrl: string | undefined;
  /** The config's base URL, normalized. */
  readonly configBaseUrl: string | undefined;
  readonly choice: AuthChoiceSpec | undefined;
  /** The plan the provider id means (`token` for `qwen-token-plan`), with the id for messages. */
  readonly provider: { readonly id: string; readonly plan: Plan | undefined };
  readonly plan: Plan | undefined;
  readonly region: RegionId | undefined;
  readonly workspaceId: string | undefined;
}

/** The region when none is given: Singapore, where every plan has a host (Alibaba's Global). */
export const DEFAULT_REGION: RegionId = "ap-southeast-1";

/** The subscription qwenkit picks for an `sk-sp-` key when nothing says which (it says so). */
const GUESSED_SUBSCRIPTION: Plan = "coding";

interface Selection {
  readonly plan: Plan | undefined;
  readonly region: RegionId | undefined;
  readonly workspaceId: string | undefined;
  readonly source: "options" | "auth-choice" | "provider-id";
  /** What selected it, for the override warning. */
  readonly by: string;
}

function conflict(message: string, hint: string): QwenConfigError {
  return new QwenConfigError("invalid-option", message, hint);
}

function agreed<T extends string>(
  values: readonly { readonly value: T | undefined; readonly what: string }[],
  noun: (value: T) => string,
): T | undefined {
  const given = values.filter((entry) => entry.value !== undefined);
  const [first] = given;
  const other = given.find((entry) => entry.value !== first?.value);
  if (first !== undefined && other !== undefined && first.value !== undefined && other.value !== undefined) {
    throw conflict(
      `${first.what} means ${noun(first.value)}, but ${other.what} means ${noun(other.value)}.`,
      `Give one of them, or make them agree.`,
    );
  }
  return first?.value;
}

/** The plan, region and workspace id the options ask for, if any; conflicting ones are an error. */
function explicitSelection(inputs: EndpointInputs): Selection | undefined {
  const { choice, provider } = inputs;
  const choiceWhat = choice === undefined ? "" : `the auth choice "${choice.id}"`;
  const plan = agreed<Plan>(
    [
      { value: inputs.plan, what: `plan "${inputs.plan}"` },
      { value: choice?.plan, what: choiceWhat },
      { value: provider.plan, what: `the provider id "${provider.id}"` },
    ],
    (value) => `the ${PLANS[value].label}`,
  );
  const region = agreed<RegionId>(
    [
      { value: inputs.region, what: `region "${inputs.region}"` },
      { value: choice?.region, what: choiceWhat },
    ],
    regionName,
  );
  const byOptions =
    inputs.plan !== undefined || inputs.region !== undefined || inputs.workspaceId !== undefined;
  if (!byOptions && choice === undefined && provider.plan === undefined) return undefined;
  const source = byOptions ? "options" : choice !== undefined ? "auth-choice" : "provider-id";
  const by =
    source === "options"
      ? "the plan, region and workspaceId options"
      : source === "auth-choice"
        ? choiceWhat
        : `the provider id "${provider.id}"`;
  return { plan, region, workspaceId: inputs.workspaceId, source, by };
}

/** The endpoint a selection names; a missing plan comes from the key (a guess for `sk-sp-`, with a warning). */
function selectedEndpoint(
  selection: Selection,
  key: ResolvedApiKey | undefined,
  warnings: QwenWarning[],
): NativeEndpoint {
  const { workspaceId } = selection;
  if (workspaceId !== undefined && selection.region === undefined) {
    throw conflict(
      `workspaceId "${workspaceId}" names a workspace in one region, and no region was given.`,
      `Pass region too (the workspace's RegionId, e.g. "ap-southeast-1").`,
    );
  }
  const region = selection.region ?? DEFAULT_REGION;
  const guessing =
    selection.plan === undefined && workspaceId === undefined && key?.apiKey.kind === "subscription";
  const plan = selection.plan ?? (guessing ? GUESSED_SUBSCRIPTION : "standard");
  const endpoint = endpointFor({ plan, region, workspaceId });
  if (guessing && key !== undefined) warnings.push(guessedWarning(key, endpoint));
  return endpoint;
}

function guessedWarning(key: ResolvedApiKey, endpoint: NativeEndpoint): QwenWarning {
  const others = plansOfKeyKind("subscription").filter((plan) => plan !== endpoint.plan);
  return subscriptionPlanGuessedWarning(describeResolvedKey(key), endpoint.plan, endpoint.baseUrl, others);
}

function endpointAt(
  baseUrl: string,
  native: NativeEndpoint | undefined,
  source: EndpointSource,
): ResolvedEndpoint {
  return {
    baseUrl,
    native: native !== undefined,
    family: native?.family,
    plan: native?.plan,
    region: native?.region,
    workspaceId: native?.workspaceId,
    source,
  };
}

/**
 * The plan and region the inputs point at before any key is known: from a native base URL
 * (option, then config), else from the auth choice, plan, region and provider id. `undefined`
 * fields are left to the key or the defaults. Used to pick the key variables to look up first.
 */
export function endpointIntent(inputs: EndpointInputs): {
  readonly plan: Plan | undefined;
  readonly region: RegionId | undefined;
} {
  const custom = inputs.baseUrl ?? inputs.configBaseUrl;
  if (custom !== undefined) {
    const native = matchNativeEndpoint(custom);
    return { plan: native?.plan, region: native?.region };
  }
  const selection = explicitSelection(inputs);
  return { plan: selection?.plan, region: selection?.region ?? (selection ? DEFAULT_REGION : undefined) };
}

/**
 * Chooses the endpoint. Precedence: the `baseUrl` option > the config's base URL > the `plan` /
 * `region` / `workspaceId` options together with the auth choice and the provider id (which must
 * agree) > the key's prefix (`sk-sp-` → the Coding Plan in Singapore, with a warning that this is
 * a guess; other `sk-` → Pay-as-you-go in Singapore) > Pay-as-you-go in Singapore.
 *
 * A base URL with a protocol path on a Model Studio host is an error naming the OpenAI-compatible
 * URL (see `checkProtocolPath`); a base URL that replaces a selection gets a warning.
 *
 * @throws {@link QwenConfigError} `invalid-base-url` (protocol path) or `invalid-option`
 * (conflicting selection, a region without the host asked for, …).
 */
export function selectEndpoint(
  inputs: EndpointInputs,
  key: ResolvedApiKey | undefined,
  warnings: QwenWarning[],
): ResolvedEndpoint {
  const selection = explicitSelection(inputs);
  const custom =
    inputs.baseUrl !== undefined
      ? { baseUrl: inputs.baseUrl, source: "base-url" as const }
      : inputs.configBaseUrl !== undefined
        ? { baseUrl: inputs.configBaseUrl, source: "config" as const }
        : undefined;
  if (custom !== undefined) {
    const notice = checkProtocolPath(custom.baseUrl);
    if (notice !== undefined)
      warnings.push(baseUrlPathWarning(custom.baseUrl, notice.kind, notice.suggested));
    const native = matchNativeEndpoint(custom.baseUrl);
    if (selection !== undefined) {
      const selected = selectedEndpoint(selection, key, []);
      if (native?.baseUrl !== selected.baseUrl) {
        const from = custom.source === "base-url" ? "option" : "config";
        warnings.push(
          selection.source === "auth-choice" && inputs.choice !== undefined
            ? authChoiceOverriddenWarning(inputs.choice.id, selected.baseUrl, custom.baseUrl, from)
            : selectionOverriddenWarning(selection.by, selected.baseUrl, custom.baseUrl, from),
        );
      }
    }
    return endpointAt(custom.baseUrl, native, custom.source);
  }
  if (selection !== undefined) {
    const endpoint = selectedEndpoint(selection, key, warnings);
    return endpointAt(endpoint.baseUrl, endpoint, selection.source);
  }
  const kind = key?.apiKey.kind;
  const endpoint = selectedEndpoint(
    { plan: undefined, region: undefined, workspaceId: undefined, source: "options", by: "" },
    key,
    warnings,
  );
  return endpointAt(endpoint.baseUrl, endpoint, kind === undefined ? "default" : "key-prefix");
}
