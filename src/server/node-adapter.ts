import type { IncomingMessage, ServerResponse } from "node:http";
import { isWritableStatus } from "../contract/writable.js";
import { payloadTooLarge, problem, problemResponse } from "../http/problem.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";

export type BodyReading = { ok: true; body: Buffer | undefined } | { ok: false; response: HttpResponse };

/**
 * Reads a request body up to `maxBytes`. A declared Content-Length over the limit is refused before
 * a byte is read; a stream that grows past it is cut. Either way the answer is a 413 naming the limit.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyReading> {
  const known = readingWithoutBody(req, maxBytes);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        resolve({ ok: false, response: payloadTooLarge(maxBytes) });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks, size) });
      done = true;
    });
    req.on("error", () => {
      if (!done) resolve({ ok: true, body: undefined });
      done = true;
    });
  });
}

const NO_BODY: BodyReading = Object.freeze({ ok: true, body: undefined });

/**
 * The reading of a request that has no body to read (most do not), or whose declared body is over
 * the limit: known at once, so the server can answer without waiting on a promise.
 */
export function readingWithoutBody(req: IncomingMessage, maxBytes: number): BodyReading | undefined {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > maxBytes) return { ok: false, response: payloadTooLarge(maxBytes) };
  if (declared === 0 || (Number.isNaN(declared) && req.headers["transfer-encoding"] === undefined)) return NO_BODY;
  return undefined;
}

export function toHttpRequest(req: IncomingMessage, body: Buffer | undefined): HttpRequest {
  return { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, rawHeaders: req.rawHeaders, body };
}

/**
 * The one place a response is written to a socket. A response node:http refuses (a header name with
 * a space, a value with CR/LF or characters beyond Latin-1) or that HTTP has no status for (outside
 * 100-599, which node lets through up to 999): all of which a contract, a mocks file or a pact can
 * hold (they are warned about at load) becomes a 500 problem that names what was wrong, instead of
 * an exception that escapes the request handler or a status no client understands.
 */
export function writeResponse(res: ServerResponse, response: HttpResponse): void {
  if (res.headersSent || res.destroyed) return;
  try {
    if (!isWritableStatus(response.status)) throw new RangeError(`status ${response.status} is outside 100-599`);
    writeWhole(res, response);
  } catch (error) {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusMessage = ""; // the refused writeHead may have set the first status's text ("500 OK")
    writeWhole(
      res,
      problemResponse(problem("mock-error", `Failed to write the response: ${(error as Error).message}`)),
    );
  }
}

function writeWhole(res: ServerResponse, response: HttpResponse): void {
  const body = response.encodedBody ?? response.body ?? "";
  const headers = response.headers;
  if (headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  res.end(body);
}
