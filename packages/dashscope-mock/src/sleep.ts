/** Resolves after `ms` milliseconds (a plain timer, so it also works outside Node). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
