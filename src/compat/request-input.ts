import { contentTypeOf, type PactBody, type PactHttpRequest } from "../pact/http-interaction.js";
import { parseCookieHeader, type RawRequestParts } from "../http/params.js";

/** The interaction's request as the mock's own validator reads a received one. */
export interface RequestInput {
  parts: RawRequestParts;
  /** The Content-Type header, else the pact's own idea of the body's type (V4 `contentType`, or a guess). */
  contentType: string | undefined;
  /** True when the pact gives the body a type but no Content-Type header. */
  contentTypeGuessed: boolean;
  body: Buffer | undefined;
}

export function requestInputOf(request: PactHttpRequest, pathParams: Record<string, string>): RequestInput {
  const headers: Record<string, string> = {};
  for (const [key, { value }] of request.headers) headers[key] = value;
  const header = headers["content-type"];
  const body = bodyBytes(request.body);
  return {
    parts: {
      pathParams: encodeAll(pathParams),
      query: queryText(request),
      headers,
      cookies: parseCookieHeader(headers.cookie),
    },
    contentType: header ?? (body ? contentTypeOf(request.headers, request.body) : undefined),
    contentTypeGuessed: header === undefined && body !== undefined,
    body,
  };
}

/** The bytes a consumer sends for the body: encoded bytes as they are, text as it is, JSON serialised. */
export function bodyBytes(body: PactBody): Buffer | undefined {
  if (body.kind !== "present") return undefined;
  if (body.bytes) return body.bytes;
  return Buffer.from(typeof body.value === "string" ? body.value : JSON.stringify(body.value));
}

/** The query as a URL would carry it: V1/V2 strings as written, V3/V4 maps encoded. */
export function queryText(request: PactHttpRequest): string {
  if (!request.query) return "";
  if (request.query.raw !== undefined) return request.query.raw;
  const parts: string[] = [];
  for (const [name, values] of request.query.values)
    for (const value of values) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return parts.join("&");
}

/** The router hands path parameters decoded; the parameter reader expects them as sent (as the mock's core does). */
function encodeAll(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, encodeURIComponent(value)]));
}
