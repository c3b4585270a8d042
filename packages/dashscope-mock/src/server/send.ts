import type { IncomingMessage, ServerResponse } from "node:http";

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

/**
 * Writes a WHATWG response to Node's response as it is produced, without buffering the body;
 * `extraHeaders` (CORS) are added to its own. `Response.error()` (a dropped connection) destroys
 * the socket; a body that errors (a drop mid-stream) cuts it, so the chunked body never terminates.
 */
export async function send(
  mockResponse: Response,
  request: IncomingMessage,
  response: ServerResponse,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<void> {
  if (mockResponse.type === "error") {
    request.socket.destroy();
    return;
  }
  const headers: Record<string, string> = { ...extraHeaders };
  mockResponse.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(mockResponse.status, headers);
  const body = mockResponse.body;
  if (body === null) {
    response.end();
    return;
  }
  const reader = body.getReader();
  response.on("close", () => {
    if (!response.writableFinished) reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return;
      if (!response.write(value)) await drained(response);
    }
    response.end();
  } catch {
    response.destroy();
  }
}
