/** A string with at least one character (wire fields use `""` and `null` for "nothing"). */
export const nonEmpty = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.length > 0;
