/**
 * Bad input in a mock control header (`x-mock-fault`, `x-mock-chunks`, …). The mock answers it with
 * a 400 whose message names the header, so a typo never passes silently as a normal reply.
 */
export class MockControlError extends Error {
  override readonly name = "MockControlError";
  constructor(
    readonly header: string,
    message: string,
  ) {
    super(`${header}: ${message}`);
  }
}
