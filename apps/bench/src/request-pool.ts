/**
 * Runs `count` calls of `call`, at most `concurrency` at a time, and resolves when all are done.
 * `call` gets the index of its request; the first failure rejects the whole run.
 */
export async function runPool(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number, got ${count}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await call(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
