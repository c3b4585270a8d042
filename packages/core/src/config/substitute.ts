import type { Environment, FoundVariable, VariableRef } from "../env-variables.js";
import { QwenConfigError } from "../errors.js";

/**
 * Names `${…}` substitutes, as OpenClaw matches them: upper-case letters, digits and underscores,
 * not starting with a digit. Anything else (`${lower}`, `${}`) stays as written.
 */
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * OpenClaw's `${pass:…}` / `${gopass:…}` read a secret by running that command. qwenkit never
 * runs commands, so these are refused rather than sent literally.
 */
const COMMAND_BACKENDS = ["pass", "gopass"] as const;

type CommandBackend = (typeof COMMAND_BACKENDS)[number];

/** A piece of a config string: text, a `${VAR}` reference, or a `${pass:…}` secret lookup. */
type TemplatePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "variable"; readonly name: string }
  | { readonly kind: "command"; readonly backend: CommandBackend };

function commandBackend(raw: string): CommandBackend | undefined {
  const separator = raw.indexOf(":");
  const prefix = separator > 0 ? raw.slice(0, separator) : "";
  return COMMAND_BACKENDS.find((backend) => backend === prefix);
}

function referenceIn(raw: string): TemplatePart | undefined {
  if (VARIABLE_NAME.test(raw)) return { kind: "variable", name: raw };
  const backend = commandBackend(raw);
  return backend === undefined ? undefined : { kind: "command", backend };
}

/**
 * The first index of `char` in `text` at or after a position, for positions that only grow: each
 * search resumes where the last one ended, so all searches together read the text once.
 */
function nextIndexOf(text: string, char: string): (from: number) => number {
  let found = -2; // -2: not searched yet; -1: none after the last search start
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(char, from);
    return found;
  };
}

/**
 * Splits a config string into text and references: `${VAR}` is a reference, `$${VAR}` the
 * literal text `${VAR}`. Linear in the string's length, however many `${` it holds: no valid
 * reference contains `{`, so a candidate with another `{` before its `}` is text, found without
 * cutting it out.
 */
function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  const closingBrace = nextIndexOf(text, "}");
  const openingBrace = nextIndexOf(text, "{");
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char !== "$") {
      literal += char;
      continue;
    }
    const escaped = text[index + 1] === "$" && text[index + 2] === "{";
    const start = index + (escaped ? 3 : 2);
    const end = escaped || text[index + 1] === "{" ? closingBrace(start) : -1;
    const nested = end === -1 ? -1 : openingBrace(start);
    const reference =
      end === -1 || (nested !== -1 && nested < end) ? undefined : referenceIn(text.slice(start, end));
    if (reference === undefined) {
      literal += char;
      continue;
    }
    if (escaped) {
      literal += text.slice(index + 1, end + 1);
    } else {
      if (literal !== "") parts.push({ kind: "text", text: literal });
      literal = "";
      parts.push(reference);
    }
    index = end;
  }
  if (literal !== "" || parts.length === 0) parts.push({ kind: "text", text: literal });
  return parts;
}

/** Whether a string holds a `${VAR}` (or `${pass:…}`) reference; `$${VAR}` is not one. */
export function hasReference(text: string): boolean {
  return parseTemplate(text).some((part) => part.kind !== "text");
}

/** A config string after substitution, and the variables that went into it. */
export interface Substituted {
  readonly value: string;
  readonly variables: readonly VariableRef[];
}

/**
 * Substitutes `${VAR}` in a config string from `environment`, as OpenClaw does when it loads its
 * config: `$${VAR}` gives the literal `${VAR}`, names that are not upper-case stay as written.
 *
 * @param path - where the string is in the config, for errors
 * @throws {@link QwenConfigError} `missing-env-var` naming the variable (never a value) when it is
 * unset or blank; `unsupported-secret-source` for `${pass:…}` / `${gopass:…}`.
 */
export function substitute(text: string, path: string, environment: Environment): Substituted {
  const variables: VariableRef[] = [];
  let value = "";
  for (const part of parseTemplate(text)) {
    if (part.kind === "text") {
      value += part.text;
    } else if (part.kind === "variable") {
      const found = requiredVariable(part.name, path, environment);
      variables.push({ name: found.name, origin: found.origin });
      value += found.value;
    } else {
      throw new QwenConfigError(
        "unsupported-secret-source",
        `${path} reads a secret with \${${part.backend}:…}, which runs the ${part.backend} command; qwenkit never runs commands.`,
        "Resolve the secret before passing the config: put it in an environment variable and reference that variable.",
      );
    }
  }
  return { value, variables };
}

/**
 * The variable a config value at `path` names.
 *
 * @throws {@link QwenConfigError} `missing-env-var` naming the variable and the layers looked in,
 * when it is unset or blank.
 */
export function requiredVariable(name: string, path: string, environment: Environment): FoundVariable {
  const found = environment.get(name);
  if (found !== undefined) return found;
  throw new QwenConfigError(
    "missing-env-var",
    `${path} names the environment variable ${name}, which is not set (looked in: ${environment.describeLayers()}).`,
    `Set ${name} in the environment, an env file or config env.vars; for a literal \${${name}}, write $\${${name}}.`,
  );
}
