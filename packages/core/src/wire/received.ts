/**
 * A wire type as code reading parsed JSON may assume it: every field may be missing or `null`,
 * literal strings widen to `string` (a new finish reason must not be a type error at runtime),
 * arrays may be empty, and a field DashScope always sends as `null` (`logprobs`,
 * `system_fingerprint`) is `unknown`: other OpenAI-compatible servers fill it in.
 * `Received<DashScopeChunk>` is what a stream reader gets from `JSON.parse`.
 */
export type Received<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends null | undefined
        ? T
        : T extends readonly (infer Item)[]
          ? readonly Received<Item>[]
          : T extends object
            ? {
                readonly [Key in keyof T]?: [Exclude<T[Key], undefined>] extends [null]
                  ? unknown
                  : Received<T[Key]> | null;
              }
            : T;
