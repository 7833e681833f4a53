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

export function narrowForGeneration(out: JsonObject, maxItems: number): void {
  tightestBound(out, "minimum", "exclusiveMinimum", (a, b) => a > b);
  tightestBound(out, "maximum", "exclusiveMaximum", (a, b) => a < b);
  closeNumberRange(out);
  shortenPlainStrings(out);
  capArrays(out, maxItems);
}

/** jsf reads `exclusiveMinimum` before `minimum`, so keep only the tighter of the two. */
function tightestBound(out: JsonObject, inclusive: string, exclusive: string, tighter: (a: number, b: number) => boolean): void {
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
  if (out.format !== undefined || out.pattern !== undefined || out.enum !== undefined || out.const !== undefined) return;
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
