// Serves the browser page on 127.0.0.1 and takes its report back. The page and the mock are on
// different ports, so every request the page makes to the mock is cross-origin (CORS applies).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { SmokeReport } from "../scenario.ts";

/** What the page posted: its report, or why it failed. */
export type PageOutcome = { readonly report: SmokeReport } | { readonly error: string };

/** A running page server. */
export interface PageServer {
  /** The page's URL for a mock base URL. */
  pageUrl(mockBaseUrl: string): string;
  /** The first outcome the page posts (a report too large or not JSON is an `error`); never rejects. */
  readonly outcome: Promise<PageOutcome>;
  close(): Promise<void>;
}

/** The largest report body accepted; a page posts a few kilobytes. */
export const REPORT_LIMIT = 64 * 1024;

const PAGE =
  '<!doctype html>\n<meta charset="utf-8">\n<title>qwenkit smoke</title>\n<script type="module" src="/page.js"></script>\n';

function readBounded(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > REPORT_LIMIT) {
        request.destroy();
        reject(new Error(`the page's report is over ${REPORT_LIMIT} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Starts the page server on 127.0.0.1 with the page's script bundle. */
export async function startPageServer(scriptFile: string): Promise<PageServer> {
  const script = readFileSync(scriptFile);
  let settle: (outcome: PageOutcome) => void = () => undefined;
  const outcome = new Promise<PageOutcome>((resolve) => {
    settle = resolve;
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method === "GET" && path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (request.method === "GET" && path === "/page.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else if (request.method === "POST" && path === "/report") {
      readBounded(request).then(
        (body) => {
          response.writeHead(204).end();
          try {
            settle(JSON.parse(body) as PageOutcome);
          } catch (error) {
            settle({ error: `the page posted a report that is not JSON: ${String(error)}` });
          }
        },
        (error: Error) => {
          response.writeHead(413).end();
          settle({ error: error.message });
        },
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: (mockBaseUrl) => `http://127.0.0.1:${port}/?mock=${encodeURIComponent(mockBaseUrl)}`,
    outcome,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
