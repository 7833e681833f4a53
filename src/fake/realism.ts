import type { Faker } from "@faker-js/faker";
import type { JsonObject } from "./pointer.js";
import { seededFaker } from "./realism-faker.js";
import { numberMakerFor, stringMakerFor, type Make } from "./realism-values.js";

/**
 * Realistic values by property name: an `email` property looks like an email. Used only where the
 * schema leaves room: a property whose schema has no format, pattern, enum or const, and only when
 * the value fits the schema's lengths and bounds; otherwise jsf's own value stays. The table of
 * names and values is realism-values.ts.
 */

/** Formats that say only how a number is stored: its realistic value may stand (int32 is checked in fits). */
const NUMERIC_FORMATS = new Set(["int32", "int64", "float", "double"]);

export interface RealismMark {
  make: Make | (() => unknown);
  /** The constraints of the contract's own schema of the property: the faker value must fit them. Unset: checked when marked (a property's own example). */
  schema?: JsonObject;
}

/** The realism of property `name` with schema `schema`, or undefined where jsf's value is safer. */
export function realismFor(name: string, schema: unknown): RealismMark | undefined {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return undefined;
  const s = schema as JsonObject;
  if (s.$ref !== undefined || s.pattern !== undefined || s.enum !== undefined || s.const !== undefined)
    return undefined;
  if (s.format !== undefined && !NUMERIC_FORMATS.has(String(s.format))) return undefined;
  // Realistic strings run 5 to 40 characters: a schema that cannot hold that keeps jsf's value.
  if (num(s.maxLength, Infinity) < 12 || num(s.minLength, 0) > 5) return undefined;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const make = types.includes("string")
    ? s.format === undefined
      ? stringMakerFor(name)
      : undefined
    : types.includes("integer") || types.includes("number")
      ? numberMakerFor(name)
      : undefined;
  return make ? { make, schema: constraintsOf(s) } : undefined;
}

/** The keywords a realistic value is checked against, copied: a call never reads the document. */
export function constraintsOf(schema: JsonObject): JsonObject {
  const keys = [
    "type",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
  ];
  return Object.fromEntries(keys.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}

/**
 * Realism rides on jsf's own `faker` keyword, with a per-call provider in place of a faker: a marked
 * property's prepared schema says `faker: { "mockpact.realistic": [index] }`, and jsf calls
 * provider.mockpact.realistic(index). Where the value does not fit, the provider throws, and jsf
 * (which catches that) makes its own value. An output hook on every value would cost a tenth of
 * each fake; this costs nothing where no property is marked.
 */
const PROVIDER_PATH = "mockpact.realistic";

/** A copy of `prepared` whose value comes from mark number `index`. */
export function markedForRealism(prepared: JsonObject, index: number): JsonObject {
  return { ...prepared, faker: { [PROVIDER_PATH]: [index] } };
}

/** The object jsf's `faker` keyword calls into for one call; seeds the faker on first use. */
export function realismProvider(
  marks: readonly RealismMark[],
  seed: number,
): { mockpact: { realistic: (index: number) => unknown } } {
  let faker: Faker | undefined;
  const realistic = (index: number): unknown => {
    const mark = marks[index];
    if (!mark) throw new Error(`no realism mark ${index}`);
    faker ??= seededFaker(seed);
    const value = mark.make(faker);
    if (mark.schema && !fits(value as string | number, mark.schema))
      throw new Error("the realistic value does not fit; jsf makes its own");
    return value;
  };
  return { mockpact: { realistic } };
}

export function fits(value: string | number, schema: JsonObject): boolean {
  if (typeof value === "string") {
    const length = codePoints(value); // as ajv counts
    return length >= num(schema.minLength, 0) && length <= num(schema.maxLength, Infinity);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes("number") && !Number.isInteger(value)) return false;
  if (schema.multipleOf !== undefined) return false;
  if (schema.format === "int32" && Math.abs(value) > 2147483647) return false;
  const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  // Both spellings: draft-04 booleans (3.0, 2.0) and 2020-12 numbers (3.1).
  if (typeof minimum === "number" && (exMin === true ? value <= minimum : value < minimum)) return false;
  if (typeof maximum === "number" && (exMax === true ? value >= maximum : value > maximum)) return false;
  if (typeof exMin === "number" && value <= exMin) return false;
  return !(typeof exMax === "number" && value >= exMax);
}

/** A string's length in code points; most have no surrogate pair, and then that is its length in units. */
function codePoints(value: string): number {
  return SURROGATE.test(value) ? [...value].length : value.length;
}
const SURROGATE = /[\uD800-\uDFFF]/;

function num(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}
