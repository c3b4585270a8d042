import { QwenConfigError, quoteInput } from "./errors.js";
import { normalizeProviderId, QWEN_PROVIDER_ID, QWEN_PROVIDERS, type QwenProviderId } from "./provider-id.js";

/** A parsed model reference: a qwenkit provider, with the model id as DashScope spells it. */
export interface ModelRef {
  /** `qwen`, or `qwen-token-plan` for a `qwen-token-plan/…` (or `bailian-token-plan/…`) ref. */
  readonly provider: QwenProviderId;
  /** Case preserved (`MiniMax-M2.5`): DashScope model ids are case-sensitive. */
  readonly modelId: string;
  /** The canonical ref, `<provider>/<modelId>`, e.g. `qwen/qwen3.5-plus`. */
  readonly ref: `${QwenProviderId}/${string}`;
}

const FORBIDDEN_IN_ID = /[\s\p{Cc}]/u;
// Ids may hold slashes (self-hosted "Qwen/Qwen3-32B" behind a custom base URL), but not empty segments.
const EMPTY_SEGMENT = /^\/|\/$|\/\//;

function invalid(input: string, reason: string): QwenConfigError {
  return new QwenConfigError(
    "invalid-model-ref",
    `Invalid model ref ${quoteInput(input)}: ${reason}.`,
    'Use "qwen/<model id>" or a bare model id, e.g. "qwen/qwen3.5-plus".',
  );
}

/**
 * Parses a model ref: `qwen/<id>`, an alias prefix (`modelstudio/<id>`, `qwencloud/<id>`,
 * `dashscope/<id>`, any case), `qwen-token-plan/<id>` (or `bailian-token-plan/<id>`) or a bare
 * `<id>`, which belongs to `bareProvider` (default `qwen`). Whitespace around the ref and around the `/` is
 * ignored; the id's case is preserved. Everything after the first `/` is the id, so
 * `qwen/Qwen/Qwen3-32B` has the id `Qwen/Qwen3-32B` (a bare id with a slash would read as a
 * provider prefix).
 * Round trip: `parseModelRef(parseModelRef(x).ref)` equals `parseModelRef(x)`.
 *
 * @throws {@link QwenConfigError} `invalid-model-ref` (empty, `qwen/` with no id, whitespace or
 * control characters in the id) or `foreign-model-ref` (the prefix names another provider).
 * @example parseModelRef("ModelStudio/MiniMax-M2.5").ref // "qwen/MiniMax-M2.5"
 */
export function parseModelRef(input: string, bareProvider: QwenProviderId = QWEN_PROVIDER_ID): ModelRef {
  if (typeof input !== "string") {
    throw new QwenConfigError(
      "invalid-model-ref",
      `Invalid model ref: expected a string, got ${input === null ? "null" : typeof input}.`,
      'Pass the model as a string, e.g. "qwen/qwen3.5-plus".',
    );
  }
  if (!Object.hasOwn(QWEN_PROVIDERS, bareProvider)) {
    throw new QwenConfigError(
      "invalid-option",
      `parseModelRef: the provider of a bare id must be a qwenkit provider id, got ${quoteInput(String(bareProvider))}.`,
      `Pass one of ${Object.keys(QWEN_PROVIDERS).join(", ")}, or leave it out for qwen.`,
    );
  }
  const trimmed = input.trim();
  if (trimmed === "") throw invalid(input, "it is empty");
  const slash = trimmed.indexOf("/");
  const prefix = slash === -1 ? undefined : trimmed.slice(0, slash).trim();
  const modelId = slash === -1 ? trimmed : trimmed.slice(slash + 1).trim();
  const provider = prefix === undefined ? bareProvider : normalizeProviderId(prefix);
  if (prefix !== undefined) {
    if (prefix === "") throw invalid(input, "the provider before the / is missing");
    if (provider === undefined) {
      throw new QwenConfigError(
        "foreign-model-ref",
        `Model ref ${quoteInput(input)} names the provider ${quoteInput(prefix)}, not qwen.`,
        `Configure that model with the ${quoteInput(prefix)} provider, or pick a Qwen model such as "qwen/qwen3.5-plus".`,
      );
    }
  }
  if (modelId === "") throw invalid(input, "the model id is missing");
  if (FORBIDDEN_IN_ID.test(modelId)) {
    throw invalid(input, "the model id contains whitespace or control characters");
  }
  if (EMPTY_SEGMENT.test(modelId)) throw invalid(input, "the model id has an empty segment between slashes");
  const owner = provider ?? bareProvider;
  return { provider: owner, modelId, ref: `${owner}/${modelId}` };
}
