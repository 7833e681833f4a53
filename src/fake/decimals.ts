import type { Faker } from "@faker-js/faker";
import type { JsonObject } from "./pointer.js";
import type { RealismMark } from "./realism.js";

/** Words of a description that say a number is money: drawn with two decimals, as a price is written. */
const MONEY = /\b(price|amount|cost|fee|money|balance|total|currency|payment|salary|charge)s?\b/i;
const CENT = 0.01;

/**
 * Numbers with a fractional `multipleOf` (0.01, 0.05), or whose description says money: drawn as a
 * whole count of steps and written with the step's decimals (`168.84`, never `168.84736244101077` or
 * `440.46000000000004`), inside the schema's bounds. Undefined where the schema is not such a number.
 */
export function decimalMark(out: JsonObject, description: unknown): RealismMark | undefined {
  const types = Array.isArray(out.type) ? out.type : [out.type];
  if (!types.includes("number") || out.enum !== undefined || out.const !== undefined) return undefined;
  const step =
    typeof out.multipleOf === "number" && out.multipleOf > 0 && !Number.isInteger(out.multipleOf)
      ? out.multipleOf
      : undefined;
  if (
    step === undefined &&
    (out.multipleOf !== undefined || typeof description !== "string" || !MONEY.test(description))
  )
    return undefined;
  const multiple = step ?? CENT;
  const decimals = decimalsOf(multiple);
  const { low, high } = stepRange(out, multiple);
  if (low > high) return undefined;
  return { make: (faker: Faker) => Number((faker.number.int({ min: low, max: high }) * multiple).toFixed(decimals)) };
}

function decimalsOf(step: number): number {
  const [mantissa, exponent] = step.toExponential().split("e");
  const fraction = mantissa!.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The whole numbers of steps inside the bounds (0 to 1,000 where the schema sets none). */
function stepRange(out: JsonObject, step: number): { low: number; high: number } {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  const lower = num(out.minimum) ?? num(out.exclusiveMinimum) ?? 0;
  const upper = num(out.maximum) ?? num(out.exclusiveMaximum) ?? lower + 1000;
  let low = Math.ceil(lower / step - 1e-9);
  let high = Math.floor(upper / step + 1e-9);
  if (num(out.exclusiveMinimum) !== undefined && num(out.minimum) === undefined && low * step <= lower) low++;
  if (num(out.exclusiveMaximum) !== undefined && num(out.maximum) === undefined && high * step >= upper) high--;
  return { low, high: Math.min(high, low + 1_000_000) };
}
