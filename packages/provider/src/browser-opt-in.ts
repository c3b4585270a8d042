import { QwenConfigError } from "@qwenkit/core";

/**
 * The `dangerouslyAllowBrowser` value handed to the openai SDK. Only a literal `true` opts in: a
 * truthy string from a config file must not turn on a setting that exposes the key to a page.
 *
 * @throws QwenConfigError (kind `invalid-option`) for anything but a boolean or `undefined`.
 */
export function browserOptIn(value: unknown): boolean {
  if (value === undefined || typeof value === "boolean") return value === true;
  throw new QwenConfigError(
    "invalid-option",
    `dangerouslyAllowBrowser must be true or false, got ${typeof value}.`,
    "Pass dangerouslyAllowBrowser: true only for code that runs in a browser page, and only with a key its users may see.",
  );
}
