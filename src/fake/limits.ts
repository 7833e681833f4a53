import { PLAIN_TEXT_FORMAT } from "./formats.js";
import type { JsonObject } from "./pointer.js";

/**
 * Generation-only narrowing of a prepared schema. Each rule only shrinks the range jsf draws
 * from, inside what the contract allows, so a value stays valid while staying small: jsf draws a
 * string of up to `maxLength` characters (Stripe's 5,000) and numbers from -1000..1000 even when
 * `minimum` is above that.
 */

/** How far above a lone lower bound (or below a lone upper bound) numbers are drawn. */
const NUMBER_SPAN = 1000;
/** How many characters above `minLength` a plain string may have. */
const STRING_SPAN = 24;

/**
 * The largest `minLength` (and `{n}` repeat in a `pattern`) and `minItems`/`minProperties` a fake is
 * made for. A schema asking for more (a hostile or mistaken `minLength: 100000000`) would take
 * minutes and gigabytes; it is treated as unreachable recursion is (prepare.ts: CUT): left out where
 * optional, else the fake fails with an error naming the schema.
 */
export const MAX_FAKE_LENGTH = 10_000;
export const MAX_FAKE_ITEMS = 1_000;

/**
 * The most values (each string, number, boolean, null, object and array counts one) one fake may
 * have. `$ref`s fan out: ten levels of four required properties are a 2 KB contract and a million
 * values (15 s and 21 MB for one answer, while every other client waits). The largest fakes of the
 * real contracts in ../shared/corpus stay far below. The same number bounds the nested properties a
 * schema may have at all (property-tree.ts). Past the budget a fake is tried once more with
 * required properties only, and then fails with an error naming the budget (a 500 from the mock, a
 * failed entry for `mockpact fixtures`).
 */
export const MAX_FAKE_VALUES = 20_000;

/** Counts the values of one fake (jsf's outputTransform sees each once); past the budget every value throws. */
export function valueBudget(limit = MAX_FAKE_VALUES): { count<T>(value: T): T; readonly exceeded: boolean } {
  let left = limit;
  return {
    count(value) {
      if (--left < 0) throw new RangeError(`over the budget of ${limit} values`);
      return value;
    },
    get exceeded() {
      return left < 0;
    },
  };
}

export function tooLargeToFake(raw: JsonObject): boolean {
  const over = (value: unknown, limit: number) => typeof value === "number" && value > limit;
  if (
    over(raw.minLength, MAX_FAKE_LENGTH) ||
    over(raw.minItems, MAX_FAKE_ITEMS) ||
    over(raw.minProperties, MAX_FAKE_ITEMS)
  )
    return true;
  return typeof raw.pattern === "string" && largestRepeat(raw.pattern) > MAX_FAKE_LENGTH;
}

/** The largest `n` of the `{n}`, `{n,}` and `{n,m}` repeats of a pattern (0 without any). */
function largestRepeat(pattern: string): number {
  let largest = 0;
  for (const match of pattern.matchAll(/\{(\d{1,12})(?:,\d*)?\}/g)) largest = Math.max(largest, Number(match[1]));
  return largest;
}

export function narrowForGeneration(out: JsonObject, maxItems: number): void {
  tightestBound(out, "minimum", "exclusiveMinimum", (a, b) => a > b);
  tightestBound(out, "maximum", "exclusiveMaximum", (a, b) => a < b);
  closeNumberRange(out);
  shortenPlainStrings(out);
  capArrays(out, maxItems);
}

/** jsf reads `exclusiveMinimum` before `minimum`, so keep only the tighter of the two. */
function tightestBound(
  out: JsonObject,
  inclusive: string,
  exclusive: string,
  tighter: (a: number, b: number) => boolean,
): void {
  const a = out[inclusive];
  const b = out[exclusive];
  if (typeof a !== "number" || typeof b !== "number") return;
  if (tighter(a, b)) delete out[exclusive];
  else delete out[inclusive];
}

function closeNumberRange(out: JsonObject): void {
  const lower = numberOrUndefined(out.minimum ?? out.exclusiveMinimum);
  const upper = numberOrUndefined(out.maximum ?? out.exclusiveMaximum);
  if (lower !== undefined && upper === undefined) out.maximum = lower + NUMBER_SPAN;
  if (upper !== undefined && lower === undefined) out.minimum = upper - NUMBER_SPAN;
}

/** Plain strings: words (see PLAIN_TEXT_FORMAT), at most STRING_SPAN characters past minLength. */
function shortenPlainStrings(out: JsonObject): void {
  if (out.format !== undefined || out.pattern !== undefined || out.enum !== undefined || out.const !== undefined)
    return;
  const minLength = numberOrUndefined(out.minLength) ?? 0;
  const maxLength = numberOrUndefined(out.maxLength);
  if (maxLength !== undefined && maxLength > minLength + STRING_SPAN) out.maxLength = minLength + STRING_SPAN;
  const types = Array.isArray(out.type) ? out.type : [out.type];
  // Only where the type says string: a format would make jsf read an untyped schema as a string.
  if (types.includes("string")) out.format = PLAIN_TEXT_FORMAT;
}

/** `maxItems` applies to arrays without one (jsf's maxDefaultItems) and caps larger ones too. */
function capArrays(out: JsonObject, maxItems: number): void {
  const cap = Math.max(numberOrUndefined(out.minItems) ?? 0, maxItems);
  const declared = numberOrUndefined(out.maxItems);
  if (declared !== undefined && declared > cap) out.maxItems = cap;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
