import type { Violation } from "../schema/violation.js";
import { utf8Text } from "./bytes.js";
import { parseMediaType, type ParsedMediaType } from "./media-type.js";

/**
 * A request body as validation sees it. Files in multipart bodies become the string
 * `"<binary N bytes>"`, so that `type: string, format: binary` validates them without their bytes.
 */
/** Deepest JSON nesting a request body may have (checked before parsing, so a deep body cannot exhaust the stack). */
export const MAX_JSON_DEPTH = 256;

export type ParsedBody =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; value: Record<string, unknown> }
  | { kind: "multipart"; value: Record<string, unknown> }
  | { kind: "text"; value: string }
  | { kind: "binary"; size: number };

export interface BodyLimits {
  /** Deepest nesting of JSON arrays and objects accepted, checked before parsing. */
  maxDepth: number;
}

export interface BodyParseResult {
  body: ParsedBody;
  violation?: Violation;
}

/**
 * Parses by the Content-Type's media type: JSON (`application/json`, any `+json`), form-urlencoded,
 * multipart/form-data, `text/*`; anything else (or no Content-Type) is binary. An empty body is
 * `none` whatever its type: whether one is required is the caller's question.
 */
export function parseBody(
  body: Uint8Array | undefined,
  contentType: string | undefined,
  limits: BodyLimits,
): BodyParseResult | Promise<BodyParseResult> {
  if (body === undefined || body.length === 0) return NO_BODY;
  const mediaType = parseMediaType(contentType);
  if (mediaType === undefined) return { body: { kind: "binary", size: body.length } };
  if (mediaType.subtype === "json" || mediaType.suffix === "json") return parseJsonBody(body, limits);
  if (mediaType.essence === "application/x-www-form-urlencoded")
    return { body: { kind: "form", value: parseFormBody(body) } };
  if (mediaType.essence === "multipart/form-data") return parseMultipartBody(body, contentType as string, mediaType);
  if (mediaType.type === "text")
    return { body: { kind: "text", value: decodeText(body, mediaType.params["charset"]) } };
  return { body: { kind: "binary", size: body.length } };
}

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; keyword: "parse" | "maxDepth"; reason: string };

/**
 * JSON.parse behind a nesting limit, with a reason that names a position and never quotes the text
 * (V8's own messages quote it, and differ between versions). Shared with JSON-valued parameters.
 */
export function parseJsonText(text: string, maxDepth: number): JsonTextResult {
  if (jsonNestingExceeds(text, maxDepth)) {
    return { ok: false, keyword: "maxDepth", reason: `nests arrays and objects deeper than ${maxDepth} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const found = locateJsonSyntaxError(text) ?? {
      reason: String((error as Error).message).slice(0, 200),
      position: 0,
    };
    return { ok: false, keyword: "parse", reason: `${found.reason} at position ${found.position}` };
  }
}

/**
 * A linear scan of brackets outside strings, before JSON.parse: a hostile body of 10,000 nested
 * arrays is refused here instead of overflowing the stack later (in ajv, the faker, a reporter).
 * In UTF-8 and in UTF-16 alike no character outside ASCII contains the ASCII code of a bracket or a
 * quote, so scanning the decoded text is scanning the bytes.
 */
export function jsonNestingExceeds(text: string, maxDepth: number): boolean {
  // Each level needs its own opening bracket: a text this short cannot nest deeper.
  if (text.length <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > maxDepth) return true;
    } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) depth--;
  }
  return false;
}

const NO_BODY: BodyParseResult = Object.freeze({ body: Object.freeze({ kind: "none" }) });
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const COLON = 58;

function parseJsonBody(body: Uint8Array, limits: BodyLimits): BodyParseResult {
  let text = utf8Text(body);
  // RFC 8259 §8.1: a parser may ignore a byte order mark; JSON.parse does not.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseJsonText(text, limits.maxDepth);
  if (parsed.ok) return { body: { kind: "json", value: parsed.value } };
  const message =
    parsed.keyword === "maxDepth"
      ? `Request body ${parsed.reason}`
      : `Request body is not valid JSON: ${parsed.reason}`;
  return { body: NO_BODY.body, violation: { in: "body", where: "", keyword: parsed.keyword, message } };
}

/** The platform's WHATWG parser: `+` is a space, malformed `%` is kept as sent. */
function parseFormBody(body: Uint8Array): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(utf8Text(body))) addField(fields, name, value);
  return fields;
}

async function parseMultipartBody(
  body: Uint8Array,
  contentType: string,
  mediaType: ParsedMediaType,
): Promise<BodyParseResult> {
  const boundary = mediaType.params["boundary"];
  if (boundary === undefined || boundary === "") {
    return multipartViolation("Request body is multipart/form-data but its Content-Type has no boundary");
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return multipartViolation(`Request body is not valid multipart/form-data with boundary "${boundary}"`);
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form)
    addField(fields, name, typeof value === "string" ? value : `<binary ${value.size} bytes>`);
  return { body: { kind: "multipart", value: fields } };
}

function multipartViolation(message: string): BodyParseResult {
  return { body: NO_BODY.body, violation: { in: "body", where: "", keyword: "parse", message } };
}

/** A repeated field becomes an array of its values, in order. */
function addField(fields: Record<string, unknown>, name: string, value: string): void {
  if (!Object.hasOwn(fields, name)) {
    // `__proto__` as a plain assignment would set the prototype instead of a field.
    Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  const existing = fields[name];
  if (Array.isArray(existing)) existing.push(value);
  else fields[name] = [existing, value];
}

/** TextDecoders are reusable; one per charset label seen (labels are a small fixed set). */
const textDecoders = new Map<string, InstanceType<typeof TextDecoder>>();

function decodeText(body: Uint8Array, charset: string | undefined): string {
  const label = charset?.toLowerCase();
  if (label === undefined || label === "utf-8" || label === "utf8") return utf8Text(body);
  let decoder = textDecoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      return utf8Text(body); // an unknown charset: UTF-8 is the best guess
    }
    textDecoders.set(label, decoder);
  }
  return decoder.decode(body);
}

interface JsonSyntaxError {
  reason: string;
  position: number;
}

// States of the syntax scanner below.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY = 2;
const KEY_OR_CLOSE = 3;
const AFTER_VALUE = 4;

/**
 * Cold path, after JSON.parse has failed: where and why, by an iterative scan (no recursion, so
 * depth cannot hurt it). Undefined when it finds nothing wrong, which would be a bug here.
 */
function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: number[] = [];
  let state = VALUE;
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    if (i >= text.length)
      return state === AFTER_VALUE && open.length === 0
        ? undefined
        : { reason: "Unexpected end of input", position: i };
    const c = text.charCodeAt(i);
    if (state === AFTER_VALUE) {
      const top = open[open.length - 1];
      if (top === undefined) return unexpected(text, i, "after the end of the JSON value");
      const close = top === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (c === COMMA) state = top === OPEN_BRACE ? KEY : VALUE;
      else if (c === close) open.pop();
      else return unexpected(text, i, `where ',' or '${String.fromCharCode(close)}' was expected`);
      i++;
    } else if (state === KEY || state === KEY_OR_CLOSE) {
      if (c === CLOSE_BRACE && state === KEY_OR_CLOSE) {
        open.pop();
        state = AFTER_VALUE;
        i++;
        continue;
      }
      if (c !== QUOTE) return unexpected(text, i, "where a property name in double quotes was expected");
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = skipWhitespace(text, end);
      if (text.charCodeAt(i) !== COLON)
        return i >= text.length
          ? { reason: "Unexpected end of input", position: i }
          : unexpected(text, i, "where ':' was expected");
      state = VALUE;
      i++;
    } else {
      if (c === CLOSE_BRACKET && state === VALUE_OR_CLOSE) {
        open.pop();
        state = AFTER_VALUE;
        i++;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        open.push(c);
        state = c === OPEN_BRACE ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
        i++;
      } else {
        const end = scanScalar(text, i);
        if (typeof end !== "number") return end;
        state = AFTER_VALUE;
        i = end;
      }
    }
  }
}

function scanScalar(text: string, start: number): number | JsonSyntaxError {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return scanString(text, start);
  if (c === 45 /* - */ || isDigit(c)) return scanNumber(text, start);
  for (const literal of LITERALS) {
    if (c !== literal.charCodeAt(0)) continue;
    for (let k = 1; k < literal.length; k++) {
      if (start + k >= text.length) return { reason: "Unexpected end of input", position: start + k };
      if (text.charCodeAt(start + k) !== literal.charCodeAt(k)) return unexpected(text, start + k, `in '${literal}'`);
    }
    return start + literal.length;
  }
  return unexpected(text, start, "where a value was expected");
}

const LITERALS = ["true", "false", "null"];

/** RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
function scanNumber(text: string, start: number): number | JsonSyntaxError {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  if (text.charCodeAt(i) === 48 /* 0 */) i++;
  else if (isDigit(text.charCodeAt(i))) i = skipDigits(text, i);
  else return invalidNumber(text, i);
  if (text.charCodeAt(i) === 46 /* . */) {
    if (!isDigit(text.charCodeAt(i + 1))) return invalidNumber(text, i + 1);
    i = skipDigits(text, i + 1);
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69 /* e E */) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    if (!isDigit(text.charCodeAt(i))) return invalidNumber(text, i);
    i = skipDigits(text, i);
  }
  return i;
}

function invalidNumber(text: string, position: number): JsonSyntaxError {
  return position >= text.length
    ? { reason: "Unexpected end of input in a number", position }
    : unexpected(text, position, "in a number");
}

const FOUR_HEX_DIGITS = /^[0-9a-fA-F]{4}$/;

/** From the opening quote to just after the closing one. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return { reason: "Bad control character in string", position: i };
    if (c !== BACKSLASH) continue;
    const escape = text[i + 1];
    if (escape === undefined) break;
    if (escape === "u") {
      if (!FOUR_HEX_DIGITS.test(text.slice(i + 2, i + 6)))
        return { reason: "Bad Unicode escape in string", position: i };
      i += 5;
    } else if ('"\\/bfnrt'.includes(escape)) i++;
    else return { reason: "Bad escape in string", position: i };
  }
  return { reason: "Unterminated string", position: text.length };
}

function unexpected(text: string, position: number, where: string): JsonSyntaxError {
  return { reason: `Unexpected character ${JSON.stringify(text.charAt(position))} ${where}`, position };
}

function skipWhitespace(text: string, start: number): number {
  let i = start;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return i;
}

function skipDigits(text: string, start: number): number {
  let i = start;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
