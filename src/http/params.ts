import type { Parameter, ValueShape } from "../contract/model.js";
import type { Violation } from "../schema/violation.js";
import { parseJsonText } from "./body.js";
import { parseMediaType } from "./media-type.js";

export { parseCookieHeader } from "./cookies.js";

/**
 * The raw parameter sources of one request. `query` may be a URLSearchParams or the raw query string
 * (without or with its `?`); header names are lower-cased, as node:http gives them.
 */
export interface RawRequestParts {
  /** Path parameter values as they appear in the URL: still percent-encoded. */
  pathParams: Record<string, string>;
  query: URLSearchParams | string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
}

export interface ParameterReading {
  /** False when the request does not carry the parameter: `required` is the caller's to check. */
  present: boolean;
  /** Deserialised by style/explode and coerced to the parameter's shape, ready for ajv. */
  value?: unknown;
  /** Set when the raw text cannot be read at all (keyword `parse` or `maxDepth`). */
  violation?: Violation;
}

export interface ParameterLimits {
  /** Deepest nesting accepted in a JSON-valued (`content`) parameter. */
  maxDepth: number;
}

/** Parsed query: decoded names to their decoded values in order (never an empty array). */
export type QueryValues = ReadonlyMap<string, readonly string[]>;

/**
 * Reads one parameter from the request by its location, style and explode, and coerces the strings
 * to the parameter's ValueShape. Text that does not fit the shape (`abc` for an integer) is left as
 * a string so that ajv reports it with its keyword; only unreadable text is a violation here.
 */
export function readParameter(
  param: Parameter,
  parts: RawRequestParts,
  limits: ParameterLimits = DEFAULT_LIMITS,
): ParameterReading {
  switch (param.in) {
    case "path":
      return readPathParameter(param, ownValue(parts.pathParams, param.name), limits);
    case "query":
      return readQueryParameter(param, queryValuesOf(parts.query), limits);
    case "header":
      return readHeaderParameter(param, headerText(ownValue(parts.headers, param.name.toLowerCase())), limits);
    case "cookie":
      return readCookieParameter(param, parts.cookies, limits);
  }
}

/**
 * `application/x-www-form-urlencoded` query text: `+` is a space, names and values are
 * percent-decoded (a malformed `%` keeps its piece as sent, as URLSearchParams does).
 */
export function parseQuery(text: string): Map<string, string[]> {
  const query = new Map<string, string[]>();
  let start = text.charCodeAt(0) === 63 /* ? */ ? 1 : 0;
  // `nextEquals` is only searched again once passed, so `a&a&a&...` stays linear.
  let nextEquals = text.indexOf("=", start);
  while (start < text.length) {
    let end = text.indexOf("&", start);
    if (end === -1) end = text.length;
    if (nextEquals !== -1 && nextEquals < start) nextEquals = text.indexOf("=", start);
    if (end > start) {
      const hasValue = nextEquals !== -1 && nextEquals < end;
      const name = decodeQueryComponent(text.slice(start, hasValue ? nextEquals : end));
      const value = hasValue ? decodeQueryComponent(text.slice(nextEquals + 1, end)) : "";
      const values = query.get(name);
      if (values === undefined) query.set(name, [value]);
      else values.push(value);
    }
    start = end + 1;
  }
  return query;
}

/**
 * One string coerced to a shape. Only text that is exactly a number, `true`/`false` or a null is
 * converted: anything else stays a string, for ajv to report as a `type` violation.
 */
export function coerceString(text: string, shape: ValueShape): unknown {
  if (shape.union !== undefined) return coerceUnion(text, shape, shape.union);
  switch (shape.type) {
    case "integer":
    case "number":
      return toNumber(text);
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "null":
      return text === "" || text === "null" ? null : text;
    case "array":
      return [coerceString(text, shape.items ?? ANY)];
    default:
      return text;
  }
}

/**
 * A value of a union (`anyOf: [{ type: integer }, { enum: ["now"] }]`): a number where the text is one
 * and a number is allowed, likewise a boolean; else the text itself where a string may be, which
 * also keeps `""` for Stripe's `anyOf: [{ type: object }, { enum: [""] }]`.
 */
function coerceUnion(text: string, shape: ValueShape, union: ReadonlyArray<ValueShape["type"]>): unknown {
  if ((union.includes("integer") || union.includes("number")) && NUMBER.test(text)) return toNumber(text);
  if (union.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if (union.includes("string") || union.includes("any") || union.includes("object")) return text;
  return union.includes("array") ? [coerceString(text, shape.items ?? ANY)] : text;
}

const ABSENT: ParameterReading = Object.freeze({ present: false });
const ANY: ValueShape = Object.freeze({ type: "any" });
const DEFAULT_LIMITS: ParameterLimits = Object.freeze({ maxDepth: 64 });
/** JSON number syntax, leading zeros allowed (`007`): no hex, no blanks, no `Infinity`. */
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LOCATION_NAMES = { path: "Path", query: "Query", header: "Header", cookie: "Cookie" } as const;

function readPathParameter(param: Parameter, raw: string | undefined, limits: ParameterLimits): ParameterReading {
  // `/pets//toys`: an empty segment where the parameter stands is no value (a required path parameter missing).
  if (raw === undefined || raw === "") return ABSENT;
  // Decoded before splitting: clients encode delimiters too (encodeURIComponent turns `,` into %2C).
  const text = decodePathValue(raw);
  if (text === undefined) return unreadable(param, "has malformed percent-encoding");
  if (param.contentMediaType !== undefined) return readContent(param, text, limits);
  if (param.style === "label") return readLabel(param, text);
  if (param.style === "matrix") return readMatrix(param, text);
  return fromSerialised(param, text, ",", param.explode, false);
}

/** `.blue`, `.blue,black` / `.blue.black`, `.R,100,G,200` / `.R=100.G=200`. */
function readLabel(param: Parameter, text: string): ParameterReading {
  if (text.charCodeAt(0) !== 46 /* . */) return unreadable(param, "uses label style, so its value must start with '.'");
  return fromSerialised(param, text.slice(1), param.explode ? "." : ",", param.explode, false);
}

/** `;id=5`, `;id=3,4` / `;id=3;id=4`, `;color=R,100,G,200` / `;R=100;G=200`. */
function readMatrix(param: Parameter, text: string): ParameterReading {
  if (text.charCodeAt(0) !== 59 /* ; */) return malformedMatrix(param);
  const segments = text.slice(1).split(";");
  const type = param.shape.type;
  if (param.explode && type === "object") return objectFromAssignments(param, segments);
  if (param.explode && type === "array") {
    const values: string[] = [];
    for (const segment of segments) {
      const value = matrixValue(segment, param.name);
      if (value !== undefined) values.push(value);
    }
    return values.length === 0 ? malformedMatrix(param) : present(coerceItems(values, param.shape.items ?? ANY));
  }
  for (const segment of segments) {
    const value = matrixValue(segment, param.name);
    if (value !== undefined) return fromSerialised(param, value, ",", false, false);
  }
  return malformedMatrix(param);
}

function malformedMatrix(param: Parameter): ParameterReading {
  return unreadable(param, `uses matrix style, so its value must look like ';${param.name}=value'`);
}

/** The value of `name=value`, `""` for a bare `name`, undefined for another name. */
function matrixValue(segment: string, name: string): string | undefined {
  if (!segment.startsWith(name)) return undefined;
  if (segment.length === name.length) return "";
  return segment.charCodeAt(name.length) === 61 /* = */ ? segment.slice(name.length + 1) : undefined;
}

function readQueryParameter(param: Parameter, query: QueryValues, limits: ParameterLimits): ParameterReading {
  const shape = param.shape;
  if (shape.type === "object" && param.contentMediaType === undefined) {
    if (param.style === "deepObject") return readDeepObject(param, query, limits);
    if (param.explode) return readExplodedQueryObject(param, query);
  }
  const values = query.get(param.name);
  if (values === undefined) return ABSENT;
  const first = values[0] as string;
  if (param.contentMediaType !== undefined) return readContent(param, first, limits);
  const delimiter = param.style === "spaceDelimited" ? " " : param.style === "pipeDelimited" ? "|" : ",";
  if (shape.type === "array") {
    const items = shape.items ?? ANY;
    if (param.explode) return present(coerceItems(values, items));
    return present(
      values.length === 1
        ? coerceItems(split(first, delimiter, false), items)
        : coerceItems(
            values.flatMap((value) => split(value, delimiter, false)),
            items,
          ),
    );
  }
  // Repeated where one value is expected: all of them, so that validation reports a `type` error.
  if (values.length > 1) return present(coerceItems(values, shape));
  return fromSerialised(param, first, delimiter, false, false);
}

/**
 * Form-style exploded object: each declared property is its own query parameter (`?R=100&G=200`).
 * Without declared properties every query parameter is taken, as nothing tells them apart.
 */
function readExplodedQueryObject(param: Parameter, query: QueryValues): ParameterReading {
  const properties = param.shape.properties;
  const object: Record<string, unknown> = {};
  let found = false;
  if (properties === undefined) {
    for (const [name, values] of query) {
      setOwn(object, name, coerceValues(values, ANY));
      found = true;
    }
  } else {
    for (const name in properties) {
      const values = query.get(name);
      if (values === undefined) continue;
      setOwn(object, name, coerceValues(values, properties[name] ?? ANY));
      found = true;
    }
  }
  return found ? present(object) : ABSENT;
}

/** `?filter[color]=red&filter[size][min]=3&filter[tags][]=a`: nested objects, repeated keys as arrays. */
function readDeepObject(param: Parameter, query: QueryValues, limits: ParameterLimits): ParameterReading {
  const name = param.name;
  let object: Record<string, unknown> | undefined;
  for (const [key, values] of query) {
    if (key.charCodeAt(name.length) !== 91 /* [ */ || !key.startsWith(name)) continue;
    const path = bracketPath(key, name.length);
    if (path === undefined) continue;
    // The tree is coerced and validated recursively: a `[a][a]...` key 100,000 deep overflowed the stack (a 500).
    if (path.length > limits.maxDepth)
      return { present: true, violation: violation(param, "maxDepth", `nests deeper than ${limits.maxDepth} levels`) };
    object ??= {};
    assignPath(object, path, values);
  }
  return object === undefined ? ABSENT : present(coerceTree(object, param.shape));
}

/** `[a][b]` or `[a][b][]` from `start` as `["a", "b"]`; undefined when malformed. */
function bracketPath(key: string, start: number): string[] | undefined {
  const end = key.endsWith("[]") ? key.length - 2 : key.length;
  const path: string[] = [];
  let i = start;
  while (i < end) {
    if (key.charCodeAt(i) !== 91) return undefined;
    const close = key.indexOf("]", i);
    if (close === -1 || close >= end) return undefined;
    path.push(key.slice(i + 1, close));
    i = close + 1;
  }
  return path.length === 0 ? undefined : path;
}

/** Leaves are the query's own string arrays, shared, never mutated: coerceTree replaces them. */
function assignPath(root: Record<string, unknown>, path: string[], values: readonly string[]): void {
  let target = root;
  for (let k = 0; k < path.length - 1; k++) {
    const segment = path[k] as string;
    const existing = ownValue(target, segment);
    if (isRecord(existing)) target = existing;
    else {
      const child: Record<string, unknown> = {};
      setOwn(target, segment, child);
      target = child;
    }
  }
  const last = path[path.length - 1] as string;
  const existing = ownValue(target, last);
  setOwn(target, last, Array.isArray(existing) ? existing.concat(values) : values);
}

function readHeaderParameter(param: Parameter, text: string | undefined, limits: ParameterLimits): ParameterReading {
  if (text === undefined) return ABSENT;
  if (param.contentMediaType !== undefined) return readContent(param, text, limits);
  // Lists in headers allow blanks around commas (RFC 9110 §5.6.1): `a, b`.
  return fromSerialised(param, text, ",", param.explode, true);
}

/** A repeated header arrives as an array; as a list it is one comma-separated value. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Form style. A cookie name appears once in the record, so an array is always read from one
 * comma-separated value, whatever `explode` says; an exploded object takes each declared property
 * from its own cookie.
 */
function readCookieParameter(
  param: Parameter,
  cookies: Record<string, string>,
  limits: ParameterLimits,
): ParameterReading {
  if (param.shape.type === "object" && param.explode && param.contentMediaType === undefined)
    return readExplodedCookieObject(param, cookies);
  const text = ownValue(cookies, param.name);
  if (text === undefined) return ABSENT;
  if (param.contentMediaType !== undefined) return readContent(param, text, limits);
  return fromSerialised(param, text, ",", false, false);
}

function readExplodedCookieObject(param: Parameter, cookies: Record<string, string>): ParameterReading {
  const properties = param.shape.properties;
  const object: Record<string, unknown> = {};
  let found = false;
  for (const name in properties ?? cookies) {
    const text = ownValue(cookies, name);
    if (text === undefined) continue;
    setOwn(object, name, coerceString(text, properties?.[name] ?? ANY));
    found = true;
  }
  return found ? present(object) : ABSENT;
}

/** A `content` parameter: its one raw value is a document of that media type (JSON is parsed). */
function readContent(param: Parameter, text: string, limits: ParameterLimits): ParameterReading {
  const mediaType = parseMediaType(param.contentMediaType);
  if (mediaType === undefined || (mediaType.subtype !== "json" && mediaType.suffix !== "json")) return present(text);
  const parsed = parseJsonText(text, limits.maxDepth);
  if (parsed.ok) return present(parsed.value);
  const problem = parsed.keyword === "maxDepth" ? parsed.reason : `is not valid JSON: ${parsed.reason}`;
  return { present: true, violation: violation(param, parsed.keyword, problem) };
}

/**
 * One serialised value: a primitive; an array joined by `delimiter`; an object as alternating
 * `name,value` or, exploded, as `name=value` items.
 */
function fromSerialised(
  param: Parameter,
  text: string,
  delimiter: string,
  explodedObject: boolean,
  trim: boolean,
): ParameterReading {
  const shape = param.shape;
  if (shape.type === "array") return present(coerceItems(split(text, delimiter, trim), shape.items ?? ANY));
  if (shape.type !== "object") return present(coerceString(trim ? text.trim() : text, shape));
  const items = split(text, delimiter, trim);
  return explodedObject ? objectFromAssignments(param, items) : objectFromPairs(param, items);
}

function objectFromPairs(param: Parameter, items: string[]): ParameterReading {
  if (items.length % 2 !== 0) return unreadable(param, "must be a list of name,value pairs");
  const object: Record<string, unknown> = {};
  for (let k = 0; k < items.length; k += 2) {
    const name = items[k] as string;
    setOwn(object, name, coerceString(items[k + 1] as string, propertyShape(param.shape, name)));
  }
  return present(object);
}

function objectFromAssignments(param: Parameter, items: string[]): ParameterReading {
  const object: Record<string, unknown> = {};
  for (const item of items) {
    const equals = item.indexOf("=");
    if (equals === -1) return unreadable(param, "must be a list of name=value pairs");
    const name = item.slice(0, equals);
    setOwn(object, name, coerceString(item.slice(equals + 1), propertyShape(param.shape, name)));
  }
  return present(object);
}

/** An empty text is an empty list (how form style serialises `[]`), not a list of one empty item. */
function split(text: string, delimiter: string, trim: boolean): string[] {
  if (text === "") return [];
  const items = text.split(delimiter);
  if (trim) for (let k = 0; k < items.length; k++) items[k] = (items[k] as string).trim();
  return items;
}

function coerceItems(items: readonly string[], shape: ValueShape): unknown[] {
  const coerced = new Array<unknown>(items.length);
  for (let k = 0; k < items.length; k++) coerced[k] = coerceString(items[k] as string, shape);
  return coerced;
}

/** Values of one name: an array for an array shape, else the one value (or, repeated, all of them). */
function coerceValues(values: readonly string[], shape: ValueShape): unknown {
  if (shape.type === "array") return coerceItems(values, shape.items ?? ANY);
  return values.length === 1 ? coerceString(values[0] as string, shape) : coerceItems(values, shape);
}

/** Coerces a tree built by readDeepObject in place: its leaves are string arrays. */
function coerceTree(value: unknown, shape: ValueShape): unknown {
  if (!isRecord(value)) return coerceValues(value as readonly string[], shape);
  for (const key in value) value[key] = coerceTree(value[key], propertyShape(shape, key));
  return value;
}

function propertyShape(shape: ValueShape, name: string): ValueShape {
  return (
    (shape.properties !== undefined && Object.hasOwn(shape.properties, name) ? shape.properties[name] : undefined) ??
    ANY
  );
}

function toNumber(text: string): unknown {
  if (!NUMBER.test(text)) return text;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

let lastQueryText: string | undefined;
let lastQueryValues: QueryValues = new Map();
const searchParamsValues = new WeakMap<URLSearchParams, QueryValues>();

/**
 * The parsed query, read-only. Each parameter of a request reads the same query: it is parsed once.
 * A string query is kept in a one-entry cache (reads of one request come together; the work is
 * synchronous), a URLSearchParams in a WeakMap (so it must not be changed between reads).
 */
export function queryValuesOf(query: URLSearchParams | string): QueryValues {
  if (typeof query === "string") {
    if (query !== lastQueryText) {
      lastQueryValues = parseQuery(query);
      lastQueryText = query;
    }
    return lastQueryValues;
  }
  let values = searchParamsValues.get(query);
  if (values === undefined) {
    const map = new Map<string, string[]>();
    for (const [name, value] of query) {
      const existing = map.get(name);
      if (existing === undefined) map.set(name, [value]);
      else existing.push(value);
    }
    values = map;
    searchParamsValues.set(query, values);
  }
  return values;
}

function decodeQueryComponent(text: string): string {
  const spaced = text.includes("+") ? text.replaceAll("+", " ") : text;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function decodePathValue(raw: string): string | undefined {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Own properties only: `constructor` must not be found on a plain object's prototype. */
function ownValue<V>(record: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `__proto__` as a plain assignment would set the prototype instead of a property. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function present(value: unknown): ParameterReading {
  return { present: true, value };
}

function unreadable(param: Parameter, problem: string): ParameterReading {
  return { present: true, violation: violation(param, "parse", problem) };
}

function violation(param: Parameter, keyword: string, problem: string): Violation {
  return {
    in: param.in,
    where: param.name,
    keyword,
    message: `${LOCATION_NAMES[param.in]} parameter '${param.name}' ${problem}`,
  };
}
