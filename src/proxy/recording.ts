import type { IncomingHttpHeaders } from "node:http";
import type { RouteTarget } from "../http/router.js";
import { isJsonMediaType, parseMediaType } from "../http/media-type.js";
import { isSecretName, redactBodyText, redactValue, type SecretNames } from "../redact.js";
import { firstValue, splitUrl } from "../http/url.js";
import { utf8Text } from "../http/bytes.js";

/** One passing exchange as it is written down: credentials and per-run noise (Date, ETag) left out. */
export interface RecordedExchange {
  contractId: string;
  operationId: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string[]>;
    headers: Record<string, string>;
    body?: unknown;
  };
  response: { status: number; headers: Record<string, string>; body?: unknown };
}

/**
 * Only what the contract speaks of is kept: Content-Type, documented header parameters and
 * response headers, Location. Anything credential-like (Authorization, cookies, API keys, the
 * operation's apiKey names) is dropped whole, and credential-like body fields are redacted:
 * forwarded upstream, never written to a file.
 */
export function recordExchange(
  target: RouteTarget,
  method: string,
  url: string,
  request: { headers: IncomingHttpHeaders; body?: Uint8Array },
  response: { status: number; headers: IncomingHttpHeaders; body?: Uint8Array },
): RecordedExchange {
  const { contract, operation } = target;
  const secret = new Set(
    Object.values(contract.securitySchemes).flatMap((s) => (s.type === "apiKey" ? [s.name.toLowerCase()] : [])),
  );
  const keep = (name: string) => !secret.has(name.toLowerCase()) && !isSecretName(name);
  const requestHeaderNames = [
    "content-type",
    ...operation.parameters.filter((p) => p.in === "header").map((p) => p.name.toLowerCase()),
  ];
  const spec = operation.responses.find((r) => r.status === String(response.status));
  const responseHeaderNames = ["content-type", "location", ...(spec?.headers ?? []).map((h) => h.name.toLowerCase())];
  return {
    contractId: contract.id,
    operationId: operation.operationId,
    request: {
      method: method.toUpperCase(),
      path: splitUrl(url).pathname,
      query: queryOf(url, keep),
      headers: pick(request.headers, requestHeaderNames, keep),
      ...bodyOf(request.headers, request.body, secret),
    },
    response: {
      status: response.status,
      headers: pick(response.headers, responseHeaderNames, keep),
      ...bodyOf(response.headers, response.body, secret),
    },
  };
}

function pick(headers: IncomingHttpHeaders, names: string[], keep: (name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...new Set(names)].sort()) {
    const value = headers[name];
    if (value !== undefined && keep(name)) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function queryOf(url: string, keep: (name: string) => boolean): Record<string, string[]> {
  const q = url.indexOf("?");
  const out: Record<string, string[]> = {};
  if (q < 0) return out;
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) if (keep(name)) (out[name] ??= []).push(value);
  return out;
}

/**
 * JSON bodies as values, text as a string; other media types are not written (no bytes in JSON
 * files). Credential-like fields (a login's `{"token": ...}`, `password=` in a form) are redacted:
 * the files are committed and shared, the credentials are live.
 */
function bodyOf(headers: IncomingHttpHeaders, body: Uint8Array | undefined, secret: SecretNames): { body?: unknown } {
  if (!body || body.length === 0) return {};
  const contentType = firstValue(headers["content-type"]);
  if (isJsonMediaType(contentType)) {
    try {
      return { body: redactValue(JSON.parse(utf8Text(body)), secret) };
    } catch {
      return {};
    }
  }
  return parseMediaType(contentType)?.type === "text" ? { body: redactBodyText(utf8Text(body), secret) } : {};
}
