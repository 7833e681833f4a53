import { parseQuery } from "../../http/params.js";
import type { HttpRequest } from "../../http/types.js";

/** A received request in the shape the matcher reads: decoded path, parsed query, headers by lower-cased name. */
export interface ActualRequest {
  method: string;
  path: string;
  /** The query string as received, without `?`. */
  queryText: string;
  query: Map<string, string[]>;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Map<string, string>;
  body: Buffer | undefined;
}

export function actualFromMockRequest(request: HttpRequest): ActualRequest {
  const q = request.url.indexOf("?");
  const rawPath = q < 0 ? request.url : request.url.slice(0, q);
  const queryText = q < 0 ? "" : request.url.slice(q + 1);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
  }
  // Pact matching reads bodies as Buffers: a view of the same bytes, not a copy.
  const body = request.body && request.body.length > 0 ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.length) : undefined;
  return { method: request.method.toUpperCase(), path: decodePath(rawPath), queryText, query: parseQuery(queryText), headers, body };
}

/** Pact compares decoded paths; a malformed escape is kept as sent. */
function decodePath(path: string): string {
  if (!path.includes("%")) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
