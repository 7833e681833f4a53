import { delay } from "msw";
import { byteLength, utf8Bytes } from "../http/bytes.js";
import { payloadTooLarge, problem, problemResponse } from "../http/problem.js";
import { FAULT_TIMEOUT_MS, type HttpRequest, type HttpResponse } from "../http/types.js";

export type RequestReading = { ok: true; request: HttpRequest } | { ok: false; response: HttpResponse };

/**
 * A fetch Request as the core reads it: `path` is the path and query it routes (see places.ts),
 * header names lower-cased, the body as bytes (none when empty, as `mockpact mock` reads an empty
 * one), and a body over `maxBytes` answered 413 as the server answers it.
 */
export async function readRequest(request: Request, path: string, maxBytes: number): Promise<RequestReading> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  if (bytes && bytes.length > maxBytes) return { ok: false, response: payloadTooLarge(maxBytes) };
  return {
    ok: true,
    request: { method: request.method, url: path, headers, ...(bytes && bytes.length > 0 ? { body: bytes } : {}) },
  };
}

/** Statuses whose responses have no body: fetch's Response refuses one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The core's answer as a fetch Response, after its delay. The faults that break the connection on
 * a server break the fetch here (`Response.error()`: the client's fetch rejects); `timeout` fails
 * it after the server's bound. Headers as the server writes them, Content-Length included.
 */
export async function deliver(response: HttpResponse): Promise<Response> {
  if (response.delayMs) await delay(response.delayMs);
  if (response.fault === "reset" || response.fault === "empty") return Response.error();
  if (response.fault === "timeout") {
    await delay(FAULT_TIMEOUT_MS);
    return Response.error();
  }
  try {
    return toFetchResponse(response);
  } catch (error) {
    // A status or header fetch refuses (a mocks file or contract can hold one): a 500 that says why, as the server's.
    return toFetchResponse(
      problemResponse(problem("mock-error", `Failed to write the response: ${(error as Error).message}`)),
    );
  }
}

function toFetchResponse(response: HttpResponse): Response {
  const body = response.body ?? "";
  const headers = { ...response.headers };
  if (headers["content-length"] === undefined) headers["content-length"] = String(byteLength(body));
  const empty = response.body === undefined || NULL_BODY.has(response.status);
  // As bytes where the core set no Content-Type: fetch gives a string body `text/plain` of its own.
  const payload = typeof body === "string" && headers["content-type"] === undefined ? utf8Bytes(body) : body;
  return new Response(empty ? null : (payload as ConstructorParameters<typeof Response>[0]), {
    status: response.status,
    headers,
  });
}
