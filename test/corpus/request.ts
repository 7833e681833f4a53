import type { Contract, MediaType, Operation, Parameter, SchemaRef } from "../../src/contract/model.js";
import { fakeValue, seedFrom } from "../../src/fake/index.js";
import type { HttpRequest } from "../../src/http/types.js";
import type { IndependentValidator } from "./validator.js";

/** How many seeds a value may take before the builder gives up on a valid one. */
const ATTEMPTS = 8;

export interface BuiltRequest {
  request: HttpRequest;
  /** Set when the builder could not make a valid request: why (then the request is not sent). */
  problem?: string;
}

/**
 * A valid request for `operation`, built from the contract alone: the served path with its path
 * parameters, the required query, header and cookie parameters, a credential for one security
 * requirement, and the required body. Values are fakes of their schemas (direction "request"),
 * checked by the independent validator, serialised by the parameter's style and explode.
 */
export function buildRequest(
  contract: Contract,
  operation: Operation,
  validator: IndependentValidator,
  seed: number,
): BuiltRequest {
  const headers: Record<string, string> = {};
  const query: string[] = [];
  const cookies: string[] = [];
  let path = (contract.basePaths[0] ?? "") + operation.path;
  try {
    for (const param of operation.parameters) {
      if (!param.required) continue;
      if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) continue; // OAS 3: ignored
      const value = validValue(contract, operation, validator, param.schema, seed, `${param.in}:${param.name}`, (v) =>
        fitsParameter(param, v),
      );
      switch (param.in) {
        case "path":
          path = path.split(`{${param.name}}`).join(serialisePath(param, value));
          break;
        case "query":
          query.push(...serialiseQuery(param, value));
          break;
        case "header":
          headers[param.name.toLowerCase()] = serialiseSimple(param, value, false);
          break;
        case "cookie":
          cookies.push(...serialiseCookie(param, value));
          break;
      }
    }
    addCredentials(contract, operation, headers, query, cookies);
    if (cookies.length > 0) headers.cookie = cookies.join("; ");
    const url = path + (query.length > 0 ? `?${query.join("&")}` : "");
    const body = operation.requestBody?.required ? buildBody(contract, operation, validator, seed) : undefined;
    if (body) headers["content-type"] = body.contentType;
    return { request: { method: operation.method.toUpperCase(), url, headers, body: body?.bytes } };
  } catch (error) {
    return {
      request: { method: operation.method.toUpperCase(), url: path, headers },
      problem: (error as Error).message,
    };
  }
}

/** OpenAPI 3: header parameters named Accept, Content-Type or Authorization "SHALL be ignored". */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

function schemaNode(ref: SchemaRef): unknown {
  return "pointer" in ref ? { $ref: ref.pointer } : ref.inline;
}

/** A fake of `ref` that the independent validator accepts and that `fits` (serialisable as needed). */
function validValue(
  contract: Contract,
  operation: Operation,
  validator: IndependentValidator,
  ref: SchemaRef,
  seed: number,
  what: string,
  fits: (v: unknown) => boolean,
  prepare?: (v: unknown) => unknown,
): unknown {
  let last = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const fake = fakeValue(contract.document, schemaNode(ref), {
      seed: seedFrom(seed, operation.operationId, what, String(attempt)),
      direction: "request",
      dialect: contract.dialect,
    });
    const value = prepare ? prepare(fake) : fake;
    const errors = validator.errors(ref, value, "request");
    if (errors.length === 0 && fits(value)) return value;
    last =
      errors.length > 0
        ? errors
            .map((e) => `${e.instancePath} ${e.message}`)
            .slice(0, 3)
            .join("; ")
        : "not serialisable";
    last += ` (${JSON.stringify(value)?.slice(0, 200)})`;
  }
  throw new Error(`no valid fake for ${what} in ${ATTEMPTS} seeds: ${last}`);
}

/**
 * Values that survive their serialisation: not empty where emptiness means absence, and no
 * delimiter of the style inside an item (`a,b` as one item of a comma-separated list cannot be told
 * from two items: the ambiguity is the format's, not the server's).
 */
function fitsParameter(param: Parameter, value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value) && value.length === 0) return false;
  if (isRecord(value) && Object.keys(value).length === 0) return false;
  if (param.contentMediaType !== undefined) return true;
  const scalars = Array.isArray(value) ? value : isRecord(value) ? Object.entries(value).flat() : [value];
  if (scalars.some((s) => s !== null && typeof s === "object")) return false;
  const texts = scalars.map((s) => text(s));
  if (param.in === "path" && texts.some((t) => t === "")) return false;
  const structured = Array.isArray(value) || isRecord(value);
  if (structured && texts.some((t) => /[,;=|. \[\]]/.test(t))) return false;
  if (param.in === "header" && texts.some((t) => !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(t))) return false;
  if (param.in === "cookie" && texts.some((t) => /[;,\s"]/.test(t))) return false;
  return true;
}

function text(value: unknown): string {
  return value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const enc = encodeURIComponent;

/** RFC 6570 as OpenAPI uses it for path parameters: simple, label, matrix. */
export function serialisePath(param: Parameter, value: unknown): string {
  if (param.contentMediaType !== undefined) return enc(typeof value === "string" ? value : JSON.stringify(value));
  if (param.style === "label") {
    const sep = param.explode ? "." : ",";
    return `.${items(value, param.explode).join(sep)}`;
  }
  if (param.style === "matrix") {
    const name = param.name;
    if (Array.isArray(value))
      return param.explode
        ? value.map((v) => `;${name}=${enc(text(v))}`).join("")
        : `;${name}=${value.map((v) => enc(text(v))).join(",")}`;
    if (isRecord(value))
      return param.explode
        ? Object.entries(value)
            .map(([k, v]) => `;${enc(k)}=${enc(text(v))}`)
            .join("")
        : `;${name}=${items(value, false).join(",")}`;
    return `;${name}=${enc(text(value))}`;
  }
  return serialiseSimple(param, value, true);
}

/** Simple style (path and header): `a,b`; objects `k,v,k,v`, exploded `k=v,k=v`. */
function serialiseSimple(param: Parameter, value: unknown, encode: boolean): string {
  if (param.contentMediaType !== undefined) {
    const raw = typeof value === "string" ? value : JSON.stringify(value);
    return encode ? enc(raw) : raw;
  }
  const e = encode ? enc : (s: string) => s;
  if (Array.isArray(value)) return value.map((v) => e(text(v))).join(",");
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => (param.explode ? `${e(k)}=${e(text(v))}` : `${e(k)},${e(text(v))}`))
      .join(",");
  return e(text(value));
}

/** Items of an array, or of an object as `k=v` (exploded) or `k`,`v` pairs; percent-encoded. */
function items(value: unknown, explode: boolean): string[] {
  if (Array.isArray(value)) return value.map((v) => enc(text(v)));
  if (isRecord(value))
    return Object.entries(value).flatMap(([k, v]) =>
      explode ? [`${enc(k)}=${enc(text(v))}`] : [enc(k), enc(text(v))],
    );
  return [enc(text(value))];
}

/** Query: form (exploded or not), spaceDelimited, pipeDelimited, deepObject; `content` as JSON. */
export function serialiseQuery(param: Parameter, value: unknown): string[] {
  const name = enc(param.name);
  if (param.contentMediaType !== undefined)
    return [`${name}=${enc(typeof value === "string" ? value : JSON.stringify(value))}`];
  if (param.style === "deepObject" && isRecord(value)) return deepObject(name, value);
  const delimiter = param.style === "spaceDelimited" ? "%20" : param.style === "pipeDelimited" ? "|" : ",";
  if (Array.isArray(value))
    return param.explode
      ? value.map((v) => `${name}=${enc(text(v))}`)
      : [`${name}=${value.map((v) => enc(text(v))).join(delimiter)}`];
  if (isRecord(value)) {
    if (param.explode) return Object.entries(value).map(([k, v]) => `${enc(k)}=${enc(text(v))}`);
    return [`${name}=${items(value, false).join(delimiter)}`];
  }
  return [`${name}=${enc(text(value))}`];
}

function deepObject(prefix: string, value: Record<string, unknown>): string[] {
  return Object.entries(value).flatMap(([k, v]) => {
    const key = `${prefix}%5B${enc(k)}%5D`;
    if (isRecord(v)) return deepObject(key, v);
    if (Array.isArray(v)) return v.map((item) => `${key}%5B%5D=${enc(text(item))}`);
    return [`${key}=${enc(text(v))}`];
  });
}

/** Cookies are form style: `a,b`; an exploded object is one cookie per property. */
function serialiseCookie(param: Parameter, value: unknown): string[] {
  if (param.contentMediaType !== undefined)
    return [`${param.name}=${enc(typeof value === "string" ? value : JSON.stringify(value))}`];
  if (isRecord(value) && param.explode) return Object.entries(value).map(([k, v]) => `${k}=${enc(text(v))}`);
  if (Array.isArray(value)) return [`${param.name}=${value.map((v) => enc(text(v))).join(",")}`];
  if (isRecord(value)) return [`${param.name}=${items(value, false).join(",")}`];
  return [`${param.name}=${enc(text(value))}`];
}

/**
 * A dummy credential for the first requirement that one request can carry (two schemes that both
 * need the Authorization header cannot be sent together). The mock checks presence, not value.
 */
function addCredentials(
  contract: Contract,
  operation: Operation,
  headers: Record<string, string>,
  query: string[],
  cookies: string[],
): void {
  if (operation.security.length === 0) return;
  const usesAuthorization = (name: string) => {
    const scheme = contract.securitySchemes[name];
    return scheme !== undefined && scheme.type !== "apiKey" && scheme.type !== "mutualTLS" && scheme.type !== "unknown";
  };
  const requirement =
    operation.security.find((r) => r.filter(usesAuthorization).length <= 1) ?? operation.security[0] ?? [];
  for (const name of requirement) {
    const scheme = contract.securitySchemes[name];
    if (!scheme) continue;
    if (scheme.type === "apiKey") {
      if (scheme.in === "query") query.push(`${enc(scheme.name)}=dummy-key`);
      else if (scheme.in === "cookie") cookies.push(`${scheme.name}=dummy-key`);
      else headers[scheme.name.toLowerCase()] = "dummy-key";
    } else if (scheme.type === "http") {
      const word = scheme.scheme.charAt(0).toUpperCase() + scheme.scheme.slice(1);
      headers.authorization = scheme.scheme === "basic" ? "Basic dXNlcjpwYXNzd29yZA==" : `${word} dummy-token`;
    } else if (scheme.type === "oauth2" || scheme.type === "openIdConnect") {
      headers.authorization = "Bearer dummy-token";
    }
  }
}

/** Media type to send: the first JSON-ish one, else form-urlencoded, else the first declared. */
export function chooseRequestMedia(content: Record<string, MediaType>): string | undefined {
  const keys = Object.keys(content);
  return (
    keys.find((k) => isJsonish(k)) ?? keys.find((k) => essence(k) === "application/x-www-form-urlencoded") ?? keys[0]
  );
}

export function essence(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

/** JSON, `+json`, or a wildcard a JSON body satisfies (`*\/*`, `application/*`). */
export function isJsonish(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === "application/json" || e.endsWith("+json") || e.endsWith("/json") || e === "*/*" || e === "application/*";
}

function buildBody(
  contract: Contract,
  operation: Operation,
  validator: IndependentValidator,
  seed: number,
): { contentType: string; bytes: Buffer } {
  const content = operation.requestBody!.content;
  const key = chooseRequestMedia(content);
  if (key === undefined) return { contentType: "application/json", bytes: Buffer.from("{}") };
  const media = content[key]!;
  const e = essence(key);
  const contentType =
    e === "*/*" || e === "application/*" ? "application/json" : e.includes("*") ? e.replace("*", "octet-stream") : key;
  // In a form an empty object or list has no fields at all: what is validated is what the form carries.
  const form = e === "application/x-www-form-urlencoded" || e === "multipart/form-data";
  const value = media.schema
    ? validValue(
        contract,
        operation,
        validator,
        media.schema,
        seed,
        `body:${key}`,
        (v) => v !== undefined,
        form ? withoutEmptyNested : undefined,
      )
    : {};
  if (isJsonish(key)) return { contentType, bytes: Buffer.from(JSON.stringify(value)) };
  if (e === "application/x-www-form-urlencoded")
    return { contentType, bytes: Buffer.from(formBody(value, media, contract)) };
  if (e === "multipart/form-data") return multipartBody(value);
  return { contentType, bytes: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) };
}

/**
 * Form fields. Where `encoding` says `deepObject`, objects and arrays are written in brackets as
 * Stripe's clients write them (`card[exp_month]=4`, `items[0][price]=p`); otherwise arrays are
 * repeated fields and objects JSON.
 */
function formBody(value: unknown, media: MediaType, contract: Contract): string {
  if (!isRecord(value)) return enc(text(value));
  const encoding = encodingOf(media, contract);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if ((isRecord(v) || Array.isArray(v)) && encoding[k]?.style === "deepObject") parts.push(...bracketed(enc(k), v));
    else if (Array.isArray(v)) parts.push(...v.map((item) => `${enc(k)}=${enc(text(item))}`));
    else parts.push(`${enc(k)}=${enc(text(v))}`);
  }
  return parts.join("&");
}

function bracketed(prefix: string, value: unknown): string[] {
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => bracketed(`${prefix}%5B${enc(k)}%5D`, v));
  if (Array.isArray(value)) return value.flatMap((v, i) => bracketed(`${prefix}%5B${i}%5D`, v));
  return value === undefined ? [] : [`${prefix}=${enc(text(value))}`];
}

/** The media type's `encoding` map, read from the document (the model keeps no copy of it). */
function encodingOf(media: MediaType, contract: Contract): Record<string, { style?: string }> {
  if (!media.schema || !("pointer" in media.schema)) return {};
  const mediaPointer = media.schema.pointer.replace(/\/schema$/, "");
  let node: unknown = contract.document;
  for (const raw of mediaPointer.replace(/^#\//, "").split("/"))
    node = isRecord(node) ? node[raw.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return isRecord(node) && isRecord(node.encoding) ? (node.encoding as Record<string, { style?: string }>) : {};
}

/** The value less the empty objects and lists inside it (and those that become empty so). */
function withoutEmptyNested(value: unknown): unknown {
  const isEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
  if (Array.isArray(value)) return value.map(withoutEmptyNested).filter((v) => !isEmpty(v));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const pruned = withoutEmptyNested(v);
    if (!isEmpty(pruned)) out[k] = pruned;
  }
  return out;
}

function multipartBody(value: unknown): { contentType: string; bytes: Buffer } {
  const boundary = "corpus-test-boundary-7d1f";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(isRecord(value) ? value : {})) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v])
      parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${text(item)}\r\n`);
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    bytes: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}
