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
  /** Lower-cased names to the value of each line as it came: a header's rule checks each. */
  headerLines: Map<string, string[]>;
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
  const body =
    request.body && request.body.length > 0
      ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.length)
      : undefined;
  return {
    method: request.method.toUpperCase(),
    path: decodePath(rawPath),
    queryText,
    query: parseQuery(queryText),
    headers,
    headerLines: linesOf(request, headers),
    body,
  };
}

function linesOf(request: HttpRequest, joined: Map<string, string>): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  const raw = request.rawHeaders;
  if (!raw) {
    for (const [name, value] of joined) lines.set(name, [value]);
    return lines;
  }
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    lines.set(name, [...(lines.get(name) ?? []), raw[i + 1]!]);
  }
  return lines;
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
