import type { Operation } from "../contract/model.js";
import { parseJsonText } from "../http/body.js";
import { parseMediaType } from "../http/media-type.js";
import { parseCookieHeader, readParameter, type RawRequestParts } from "../http/params.js";
import type { HttpRequest } from "../http/types.js";
import { base64Of, utf8Text } from "../http/bytes.js";

const NOT_READ = Symbol("not read");

/**
 * One request as overrides, templates and the stateful store read it. Each part is parsed on first
 * use only: most requests reach no override, and those that do rarely need every part.
 */
export class RequestView {
  readonly method: string;
  readonly pathname: string;
  readonly queryText: string;
  private parsedQuery: URLSearchParams | undefined;
  private parsedBody: unknown = NOT_READ;

  constructor(
    readonly request: HttpRequest,
    /** Undefined for a request no route matched (the verification API reads those too). */
    readonly operation: Operation | undefined,
    /** Path parameters decoded, as the router gives them. */
    readonly pathParams: Record<string, string>,
    private readonly maxJsonDepth: number,
  ) {
    this.method = request.method.toUpperCase();
    const q = request.url.indexOf("?");
    this.pathname = q < 0 ? request.url : request.url.slice(0, q);
    this.queryText = q < 0 ? "" : request.url.slice(q + 1);
  }

  get query(): URLSearchParams {
    return (this.parsedQuery ??= new URLSearchParams(this.queryText));
  }

  /** A header's value; repeated headers joined by `, ` as HTTP folds them. */
  header(name: string): string | undefined {
    const value = this.request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  /** The body as a value: JSON parsed, a form as an object of strings, text as text; undefined when none or unreadable. */
  get body(): unknown {
    if (this.parsedBody === NOT_READ) this.parsedBody = readBodyValue(this.request, this.maxJsonDepth);
    return this.parsedBody;
  }

  /** True when the body is JSON (or absent), the only kind the stateful store keeps. */
  get bodyIsJson(): boolean {
    const type = parseMediaType(this.header("content-type"));
    return type === undefined || type.subtype === "json" || type.suffix === "json";
  }

  /** A parameter read by its contract style and coerced to its schema type (`orderId` -> 42). */
  param(name: string, where: "path" | "query" | "header" = "query"): unknown {
    const param = this.operation?.parameters.find(
      (p) => p.in === where && (where === "header" ? p.name.toLowerCase() === name.toLowerCase() : p.name === name),
    );
    if (!param)
      return where === "path"
        ? this.pathParams[name]
        : where === "query"
          ? (this.query.get(name) ?? undefined)
          : this.header(name);
    const reading = readParameter(param, this.rawParts());
    return reading.present && !reading.violation ? reading.value : undefined;
  }

  /** Identifies the request for seeds: the same request gives the same fakes. */
  get key(): string {
    const body = this.request.body && this.request.body.length > 0 ? base64Of(this.request.body) : "";
    return `${this.method} ${this.request.url} ${body}`;
  }

  private rawParts(): RawRequestParts {
    const pathParams: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.pathParams)) pathParams[name] = encodeURIComponent(value);
    const cookie = this.request.headers.cookie;
    return {
      pathParams,
      query: this.queryText,
      headers: this.request.headers,
      cookies: parseCookieHeader(Array.isArray(cookie) ? cookie[0] : cookie),
    };
  }
}

function readBodyValue(request: HttpRequest, maxDepth: number): unknown {
  const body = request.body;
  if (!body || body.length === 0) return undefined;
  const header = request.headers["content-type"];
  const type = parseMediaType(Array.isArray(header) ? header[0] : header);
  const text = utf8Text(body);
  if (type?.essence === "application/x-www-form-urlencoded") return formObject(new URLSearchParams(text));
  if (type && type.subtype !== "json" && type.suffix !== "json") return type.type === "text" ? text : undefined;
  const parsed = parseJsonText(text, maxDepth);
  return parsed.ok ? parsed.value : undefined;
}

/** `a=1&b=2&b=3` -> { a: "1", b: ["2", "3"] }. */
function formObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}
