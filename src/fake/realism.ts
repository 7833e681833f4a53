import type { Faker } from "@faker-js/faker";
import type { JsonObject } from "./pointer.js";

/**
 * Realistic values by property name: an `email` property looks like an email. Used only where the
 * schema leaves room: a property whose schema has no format, pattern, enum or const, and only when
 * the value fits the schema's lengths and bounds; otherwise jsf's own value stays. One table.
 */
type Make = (faker: Faker) => string | number;

const DATE_WINDOW = { from: "2020-01-01T00:00:00.000Z", to: "2030-12-31T23:59:59.000Z" };

/** Property names (lowercase, without `_` and `-`) -> value for a string schema. */
const STRING_VALUES: Record<string, Make> = {
  email: (f) => f.internet.email(),
  emailaddress: (f) => f.internet.email(),
  firstname: (f) => f.person.firstName(),
  givenname: (f) => f.person.firstName(),
  lastname: (f) => f.person.lastName(),
  surname: (f) => f.person.lastName(),
  familyname: (f) => f.person.lastName(),
  name: (f) => f.person.fullName(),
  fullname: (f) => f.person.fullName(),
  username: (f) => f.internet.username(),
  city: (f) => f.location.city(),
  country: (f) => f.location.country(),
  phone: (f) => f.phone.number({ style: "international" }),
  phonenumber: (f) => f.phone.number({ style: "international" }),
  url: (f) => f.internet.url(),
  website: (f) => f.internet.url(),
  price: (f) => f.commerce.price(),
  // Fixed window: faker's own date helpers count from today.
  createdat: (f) => f.date.between(DATE_WINDOW).toISOString(),
  updatedat: (f) => f.date.between(DATE_WINDOW).toISOString(),
  id: (f) => f.string.uuid(),
};

/** Property names -> value for a number or integer schema. */
const NUMBER_VALUES: Record<string, Make> = {
  price: (f) => Number(f.commerce.price()),
  id: (f) => f.number.int({ min: 1, max: 99999 }),
};

export interface RealismMark {
  make: Make;
  /** The contract's own schema of the property: the faker value must fit it. */
  schema: JsonObject;
}

/** The realism of property `name` with schema `schema`, or undefined where jsf's value is safer. */
export function realismFor(name: string, schema: unknown): RealismMark | undefined {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return undefined;
  const s = schema as JsonObject;
  if (s.$ref !== undefined || s.format !== undefined || s.pattern !== undefined || s.enum !== undefined || s.const !== undefined) return undefined;
  const key = name.toLowerCase().replace(/[-_\s]/g, "");
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const make = types.includes("string") ? STRING_VALUES[key] : types.includes("integer") || types.includes("number") ? NUMBER_VALUES[key] : undefined;
  return make ? { make, schema: s } : undefined;
}

/** The faker value in place of jsf's `value`, where it has the same type and fits the schema. */
export function applyRealism(mark: RealismMark, value: unknown, faker: Faker): unknown {
  if (typeof value !== "string" && typeof value !== "number") return value;
  const candidate = mark.make(faker);
  if (typeof candidate !== typeof value) return value;
  return fits(candidate, mark.schema) ? candidate : value;
}

function fits(value: string | number, schema: JsonObject): boolean {
  if (typeof value === "string") {
    const length = [...value].length; // ajv counts code points
    return length >= num(schema.minLength, 0) && length <= num(schema.maxLength, Infinity);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes("number") && !Number.isInteger(value)) return false;
  if (schema.multipleOf !== undefined) return false;
  const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  // Both spellings: draft-04 booleans (3.0, 2.0) and 2020-12 numbers (3.1).
  if (typeof minimum === "number" && (exMin === true ? value <= minimum : value < minimum)) return false;
  if (typeof maximum === "number" && (exMax === true ? value >= maximum : value > maximum)) return false;
  if (typeof exMin === "number" && value <= exMin) return false;
  return !(typeof exMax === "number" && value >= exMax);
}

function num(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}
