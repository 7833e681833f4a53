/**
 * Media types (RFC 9110 §8.3.1) and content negotiation (§12.5.1). The same few Content-Type and
 * Accept strings arrive on every request, so parsed results are kept in small bounded caches.
 */

export interface ParsedMediaType {
  type: string;
  subtype: string;
  /** Structured syntax suffix (RFC 6838 §4.2.8): `json` for `application/vnd.api+json`. */
  suffix?: string;
  /** `type/subtype`, lower-cased. */
  essence: string;
  /** Parameter names lower-cased, values unquoted; the first of a repeated name wins. */
  params: Record<string, string>;
}

/** RFC 9110 `token`, tested on the lower-cased text. `*` is a token character, so `*\/*` parses. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const NO_PARAMS: Record<string, string> = Object.freeze({});
const CACHE_SIZE = 256;
/** Longer strings are parsed but not cached, so odd clients cannot make the caches hold much. */
const CACHEABLE_LENGTH = 1024;

/** Returned objects are frozen: they are shared through the cache. */
export function parseMediaType(value: string | undefined): ParsedMediaType | undefined {
  if (value === undefined) return undefined;
  const cached = parsedMediaTypes.get(value);
  if (cached !== undefined) return cached ?? undefined;
  const parsed = parseMediaTypeUncached(value, 0, value.length);
  remember(parsedMediaTypes, value, parsed ?? null);
  return parsed;
}

/** JSON and every `+json` type (`application/problem+json`, `application/vnd.api+json`). */
export function isJsonMediaType(value: string | undefined): boolean {
  const media = parseMediaType(value);
  return media !== undefined && (media.subtype === "json" || media.suffix === "json");
}

/** A declared media type whose body mockpact writes as JSON: JSON, `+json`, and the wildcards `*\/*` and `application/*`. */
export function carriesJson(mediaKey: string): boolean {
  const media = parseMediaType(mediaKey);
  return (
    media !== undefined &&
    (media.subtype === "json" ||
      media.suffix === "json" ||
      media.essence === "*/*" ||
      media.essence === "application/*")
  );
}

/**
 * A body mockpact reads as values, not bytes: JSON, text, and the two form encodings. Files and
 * other binary bodies stream through the proxy unread.
 */
export function isReadableMediaType(value: string | undefined): boolean {
  const media = parseMediaType(value);
  if (media === undefined) return false;
  return (
    media.subtype === "json" ||
    media.suffix === "json" ||
    media.type === "text" ||
    media.essence === "application/x-www-form-urlencoded" ||
    media.essence === "multipart/form-data"
  );
}

/**
 * The declared request media type (a key of `requestBody.content`) that fits the Content-Type:
 * the exact essence, then a suffix range (`application/*+json`), then `type/*`, then `*\/*`.
 * A request without Content-Type is `application/octet-stream` (RFC 9110 §8.3).
 */
export function matchRequestMediaType(contentType: string | undefined, declared: string[]): string | undefined {
  const actual = parseMediaType(contentType ?? "application/octet-stream");
  if (actual === undefined) return undefined;
  let best: string | undefined;
  let bestRank = 0;
  for (const key of declared) {
    const rank = requestMatchRank(parseMediaType(key), actual);
    if (rank === EXACT) return key;
    if (rank > bestRank) {
      best = key;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The best of `available` for an Accept header: undefined when nothing is available, null when
 * nothing acceptable is (406). Each available type takes the q of the most specific range that
 * matches it; q=0 excludes. Ties go to the more specific range, then (except through `*\/*`) to
 * application/json, then to the contract's order: so no Accept, or only `*\/*`, gives the first.
 */
export function negotiateMediaType(accept: string | undefined, available: string[]): string | undefined | null {
  if (available.length === 0) return undefined;
  const ranges = accept === undefined ? [] : parseAccept(accept);
  // A missing, empty or wholly malformed Accept is "anything" (RFC 9110 §12.5.1).
  if (ranges.length === 0) return available[0];
  let best: string | null = null;
  let bestScore = 0;
  for (const key of available) {
    const score = acceptScore(ranges, parseMediaType(key));
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
  /** 2 for `type/subtype`, 1 for `type/*`, 0 for `*\/*`. */
  specificity: number;
}

const parsedMediaTypes = new Map<string, ParsedMediaType | null>();
const parsedAccepts = new Map<string, AcceptRange[]>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (key.length > CACHEABLE_LENGTH) return;
  // Maps iterate in insertion order, so the first key is the oldest.
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function parseMediaTypeUncached(text: string, start: number, end: number): ParsedMediaType | undefined {
  const essenceEnd = indexOfBefore(text, 59 /* ; */, start, end);
  const essence = text.slice(start, essenceEnd).trim().toLowerCase();
  const slash = essence.indexOf("/");
  if (slash <= 0) return undefined;
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const plus = subtype.lastIndexOf("+");
  const params = essenceEnd === end ? NO_PARAMS : parseParameters(text, essenceEnd, end);
  const parsed: ParsedMediaType = { type, subtype, essence, params };
  if (plus > 0 && plus < subtype.length - 1) parsed.suffix = subtype.slice(plus + 1);
  return Object.freeze(parsed);
}

/**
 * `; name=value; name="quoted; value"` from `start` (a `;`) to `end`, in one forward pass so that
 * long hostile headers cost linear time. Pieces without `=` are skipped.
 */
function parseParameters(text: string, start: number, end: number): Record<string, string> {
  const params: Record<string, string> = {};
  let i = start;
  while (i < end) {
    const nameStart = i + 1; // past ';'
    i = nameStart;
    while (i < end && text.charCodeAt(i) !== 61 /* = */ && text.charCodeAt(i) !== 59 /* ; */) i++;
    if (i >= end || text.charCodeAt(i) === 59) continue;
    const name = text.slice(nameStart, i).trim().toLowerCase();
    i++; // past '='
    while (i < end && isWhitespace(text.charCodeAt(i))) i++;
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      [value, i] = readQuotedString(text, i, end);
      i = indexOfBefore(text, 59, i, end);
    } else {
      const valueStart = i;
      i = indexOfBefore(text, 59, i, end);
      value = text.slice(valueStart, i).trim();
    }
    if (TOKEN.test(name) && !Object.hasOwn(params, name)) defineOwn(params, name, value);
  }
  return Object.freeze(params);
}

/** RFC 9110 §5.6.4 quoted-string starting at the opening quote: [unescaped value, index after it]. */
function readQuotedString(text: string, start: number, end: number): [string, number] {
  let value = "";
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 34) return [value, i + 1];
    if (c === 92 /* \ */ && i + 1 < end) i++;
    value += text[i];
    i++;
  }
  return [value, end];
}

function parseAccept(accept: string): AcceptRange[] {
  const cached = parsedAccepts.get(accept);
  if (cached !== undefined) return cached;
  const ranges: AcceptRange[] = [];
  let start = 0;
  while (start < accept.length) {
    const end = indexOfListSeparator(accept, start);
    const range = toAcceptRange(parseMediaTypeUncached(accept, start, end));
    if (range !== undefined) ranges.push(range);
    start = end + 1;
  }
  remember(parsedAccepts, accept, ranges);
  return ranges;
}

function toAcceptRange(mediaType: ParsedMediaType | undefined): AcceptRange | undefined {
  if (mediaType === undefined) return undefined;
  const { type, subtype } = mediaType;
  // `*/json` is not a media range.
  if (type === "*" && subtype !== "*") return undefined;
  const specificity = type === "*" ? 0 : subtype === "*" ? 1 : 2;
  return { type, subtype, q: parseQValue(mediaType.params["q"]), specificity };
}

/** A missing or malformed weight counts as 1, clamped into [0, 1]. */
function parseQValue(text: string | undefined): number {
  if (text === undefined) return 1;
  const q = Number(text);
  if (text === "" || Number.isNaN(q)) return 1;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/**
 * One number that orders candidates: q first, then specificity of the deciding range, then a
 * JSON preference. 0 means not acceptable. Weights have at most 3 decimals (RFC 9110 §12.4.2).
 */
function acceptScore(ranges: AcceptRange[], mediaType: ParsedMediaType | undefined): number {
  if (mediaType === undefined) return 0;
  let deciding: AcceptRange | undefined;
  for (const range of ranges) {
    if (!rangeMatches(range, mediaType)) continue;
    if (deciding === undefined || range.specificity > deciding.specificity) deciding = range;
  }
  if (deciding === undefined || deciding.q <= 0) return 0;
  const jsonPreference = deciding.specificity === 0 ? 0 : jsonRank(mediaType);
  return Math.round(deciding.q * 1000) * 100 + deciding.specificity * 10 + jsonPreference + 1;
}

function rangeMatches(range: AcceptRange, mediaType: ParsedMediaType): boolean {
  if (range.specificity === 0) return true;
  if (range.type !== mediaType.type) return false;
  return range.specificity === 1 || range.subtype === mediaType.subtype;
}

function jsonRank(mediaType: ParsedMediaType): number {
  if (mediaType.essence === "application/json") return 2;
  return mediaType.suffix === "json" ? 1 : 0;
}

const EXACT = 4;

function requestMatchRank(declared: ParsedMediaType | undefined, actual: ParsedMediaType): number {
  if (declared === undefined) return 0;
  if (declared.essence === actual.essence) return EXACT;
  if (declared.type === "*") return declared.subtype === "*" ? 1 : 0;
  if (declared.type !== actual.type) return 0;
  if (declared.subtype === "*") return 2;
  // `application/*+json` fits any `application/...+json`.
  if (declared.subtype.startsWith("*+") && declared.suffix === actual.suffix) return 3;
  return 0;
}

/** The next `,` outside a quoted string, or the text's length. */
function indexOfListSeparator(text: string, start: number): number {
  let inQuotes = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 92) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 44) return i;
  }
  return text.length;
}

/** Index of the first `code` in [start, end), or `end`: never scans past `end`. */
function indexOfBefore(text: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return end;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9;
}

/** `__proto__` as a plain assignment would set the prototype instead of a property. */
function defineOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
