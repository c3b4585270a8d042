// How far the search goes before it gives up and answers "yes": a cause too big to search is
// treated as holding the text, so a redaction drops it rather than risk showing a secret.
const MAX_DEPTH = 8;
const MAX_VALUES = 2000;

/**
 * Whether any string reachable from `value` contains one of `needles`: the value itself, or an
 * object's own properties (enumerable or not, so an error's `message`, `stack` and `cause`
 * count), recursively. What `util.inspect` could print, without needing `node:util`. Answers
 * `true` when the graph is deeper or larger than it searches, or a property cannot be read.
 */
export function containsText(value: unknown, needles: readonly string[]): boolean {
  const seen = new Set<object>();
  let visited = 0;
  const search = (current: unknown, depth: number): boolean => {
    visited += 1;
    if (visited > MAX_VALUES) return true;
    if (typeof current === "string") return needles.some((needle) => current.includes(needle));
    if (typeof current !== "object" || current === null || seen.has(current)) return false;
    if (depth > MAX_DEPTH) return true;
    seen.add(current);
    try {
      for (const key of Object.getOwnPropertyNames(current)) {
        if (needles.some((needle) => key.includes(needle))) return true;
        const descriptor = Object.getOwnPropertyDescriptor(current, key);
        // inspect shows a getter as [Getter], not its result, except an error's stack (an
        // accessor in V8), which is how it prints the error.
        const shown =
          descriptor === undefined
            ? undefined
            : "value" in descriptor
              ? descriptor.value
              : key === "stack" && current instanceof Error
                ? current.stack
                : undefined;
        if (search(shown, depth + 1)) return true;
      }
    } catch {
      return true;
    }
    return false;
  };
  return search(value, 0);
}
