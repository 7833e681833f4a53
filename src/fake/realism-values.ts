import type { Faker } from "@faker-js/faker";

/** The realism table: which property names get which faker values (used by realism.ts). */
export type Make = (faker: Faker) => string | number;

/*
 * Values are composed from faker's locale tables and number.int where faker's own helpers are slow
 * (internet.email takes ~55 µs, person.lastName ~25 µs; a whole fake has 500 µs).
 */
const WINDOW_START_MS = Date.UTC(2020, 0, 1);
const WINDOW_END_MS = Date.UTC(2030, 11, 31);

const pick = (f: Faker, list: readonly string[] | undefined, fallback: string): string => (list && list.length > 0 ? f.helpers.arrayElement(list) : fallback);
const lastName = (f: Faker) => pick(f, f.definitions.person.last_name?.generic, "Smith");
const fullName = (f: Faker) => `${f.person.firstName()} ${lastName(f)}`;
const email = (f: Faker) => {
  const local = `${f.person.firstName()}.${lastName(f)}${f.number.int({ min: 1, max: 99 })}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
  return `${local}@${pick(f, f.definitions.internet.free_email, "example.com")}`;
};
const url = (f: Faker) => `https://${f.internet.domainWord()}.${pick(f, f.definitions.internet.domain_suffix, "com")}`;
const timestamp = (f: Faker) => new Date(f.number.int({ min: WINDOW_START_MS, max: WINDOW_END_MS })).toISOString();
const hex = (f: Faker, digits: number) => f.number.int({ min: 0, max: 16 ** digits - 1 }).toString(16).padStart(digits, "0");
const uuid = (f: Faker) => `${hex(f, 8)}-${hex(f, 4)}-4${hex(f, 3)}-${"89ab".charAt(f.number.int(3))}${hex(f, 3)}-${hex(f, 12)}`;
const cents = (f: Faker) => f.number.int({ min: 100, max: 99999 }) / 100;

/** Property names (lowercase, without `_` and `-`) -> value for a string schema. */
export const STRING_VALUES: Record<string, Make> = {
  email, emailaddress: email,
  firstname: (f) => f.person.firstName(), givenname: (f) => f.person.firstName(),
  lastname: lastName, surname: lastName, familyname: lastName,
  name: fullName, fullname: fullName,
  username: (f) => `${f.person.firstName().toLowerCase()}${f.number.int({ min: 1, max: 999 })}`,
  city: (f) => pick(f, f.definitions.location.city_name, "Springfield"),
  country: (f) => f.location.country(),
  phone: (f) => f.phone.number({ style: "international" }), phonenumber: (f) => f.phone.number({ style: "international" }),
  url, website: url,
  price: (f) => cents(f).toFixed(2),
  createdat: timestamp, updatedat: timestamp,
  id: uuid,
};

/** Property names -> value for a number or integer schema. */
export const NUMBER_VALUES: Record<string, Make> = {
  price: cents,
  id: (f) => f.number.int({ min: 1, max: 99999 }),
};
