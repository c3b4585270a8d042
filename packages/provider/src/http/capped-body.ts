import { BodyUndecodable, isDecodingError, ResponseTooLarge } from "../transport-failures.js";

const noop = () => undefined;

/**
 * `response` with a body that fails with {@link ResponseTooLarge} once more than `limit` decoded
 * bytes came (the rest is cancelled), and with {@link BodyUndecodable} when its compressed body
 * is corrupt (instead of undici's `TypeError: terminated`, which reads as a dropped connection).
 */
export function cappedResponse(response: Response, limit: number): Response {
  if (response.body === null) return response;
  const reader = response.body.getReader();
  let total = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
      } catch (error) {
        controller.error(isDecodingError(error) ? new BodyUndecodable(response.status, error) : error);
        return;
      }
      if (read.done) {
        controller.close();
        return;
      }
      total += read.value.byteLength;
      if (total > limit) {
        controller.error(new ResponseTooLarge("jsonBodyBytes", response.status));
        reader.cancel().catch(noop);
        return;
      }
      controller.enqueue(read.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const headers = new Headers(response.headers);
  for (const name of ["content-length", "content-encoding"]) headers.delete(name);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
