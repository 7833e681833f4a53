import { getAtPointer } from "../../contract/pointer.js";
import { utf8Text } from "../../http/bytes.js";
import { firstValue, splitUrl } from "../../http/url.js";

/** What a callback's runtime expressions read: the request that triggered it and the mock's answer. */
export interface ExpressionSource {
  /** `http://127.0.0.1:4010`: what `$url` starts with. */
  origin: string;
  request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: Uint8Array };
  /** The path parameters as the router matched them, asked for only when an expression reads one. */
  pathParams: () => Record<string, string>;
  response: { status: number; headers: Record<string, string>; body?: Uint8Array | string };
}

export type Resolved = { ok: true; url: string } | { ok: false; reason: string };

/**
 * A callback key such as `{$request.body#/callbackUrl}/events?id={$response.body#/id}`, with each
 * expression replaced by its value (OpenAPI's runtime expressions). An expression at the start is a
 * URL or its first part and is taken as it is; one later on is a part of the URL and is encoded.
 * An expression with no value fails the whole URL (Prism sends an empty string instead, which is
 * never where the client meant to be called).
 */
export function resolveCallbackUrl(template: string, source: ExpressionSource): Resolved {
  const missing: string[] = [];
  const url = template.replace(/\{([^{}]+)\}/g, (whole, expression: string, offset: number) => {
    const value = expressionValue(expression.trim(), source);
    if (value === undefined) {
      missing.push(expression.trim());
      return whole;
    }
    return offset === 0 ? value : encodeURIComponent(value);
  });
  if (missing.length > 0)
    return {
      ok: false,
      reason: `the runtime expression ${missing.map((m) => `{${m}}`).join(", ")} has no value in this exchange`,
    };
  return { ok: true, url };
}

/** `$url`, `$method`, `$statusCode`, `$request.(header|query|path|body)...`, `$response.(header|body)...`. */
export function expressionValue(expression: string, source: ExpressionSource): string | undefined {
  if (expression === "$url") return source.origin + source.request.url;
  if (expression === "$method") return source.request.method.toUpperCase();
  if (expression === "$statusCode") return String(source.response.status);
  const match = /^\$(request|response)\.(header|query|path|body)(?:\.(.+)|(#.*))?$/.exec(expression);
  if (!match) return undefined;
  const [, side, place, name, pointer] = match as unknown as [
    string,
    "request" | "response",
    string,
    string | undefined,
    string | undefined,
  ];
  const message = side === "request" ? source.request : source.response;
  if (place === "body") return bodyValue(message.body, pointer ?? (name === undefined ? "" : undefined));
  if (name === undefined) return undefined;
  if (place === "header") return firstValue(message.headers[name.toLowerCase()]);
  if (side === "response") return undefined; // a response has no query or path
  if (place === "query") return new URLSearchParams(splitUrl(source.request.url).queryText).get(name) ?? undefined;
  return source.pathParams()[name];
}

/** `#/a/b` into a JSON body; the whole body without a pointer. Objects come back as JSON. */
function bodyValue(body: Uint8Array | string | undefined, pointer: string | undefined): string | undefined {
  if (body === undefined || pointer === undefined) return undefined;
  const text = typeof body === "string" ? body : utf8Text(body);
  if (pointer === "" || pointer === "#") return text === "" ? undefined : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = getAtPointer(parsed, pointer);
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
