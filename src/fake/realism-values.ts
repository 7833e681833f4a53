import type { Faker } from "@faker-js/faker";

/** The realism table: which property names get which faker values (used by realism.ts). */
export type Make = (faker: Faker) => string | number;

/*
 * Values are composed from faker's locale tables and number.int where faker's own helpers are slow
 * (internet.email takes ~55 µs, person.lastName ~25 µs; a whole fake has 500 µs).
 */
const WINDOW_START_MS = Date.UTC(2020, 0, 1);
const WINDOW_END_MS = Date.UTC(2030, 11, 31);
const DAY_MS = 86_400_000;

const pick = (f: Faker, list: readonly string[] | undefined, fallback: string): string =>
  list && list.length > 0 ? f.helpers.arrayElement(list) : fallback;
const lastName = (f: Faker) => pick(f, f.definitions.person.last_name?.generic, "Smith");
const fullName = (f: Faker) => `${f.person.firstName()} ${lastName(f)}`;
const email = (f: Faker) => {
  const local = `${f.person.firstName()}.${lastName(f)}${f.number.int({ min: 1, max: 99 })}`
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, "");
  return `${local}@${pick(f, f.definitions.internet.free_email, "example.com")}`;
};
const url = (f: Faker) => `https://${f.internet.domainWord()}.${pick(f, f.definitions.internet.domain_suffix, "com")}`;
const timestamp = (f: Faker) => new Date(f.number.int({ min: WINDOW_START_MS, max: WINDOW_END_MS })).toISOString();
/** Birth dates: whole days between 1950 and 2005, date only (`1984-07-21`). */
const birthDate = (f: Faker) =>
  new Date(Date.UTC(1950, 0, 1) + f.number.int({ min: 0, max: 20_088 }) * DAY_MS).toISOString().slice(0, 10);
/** Six hex digits per draw at most: the randomizer has 32 bits, so wider draws end in zeros. */
const hex = (f: Faker, digits: number): string =>
  digits > 6
    ? hex(f, 6) + hex(f, digits - 6)
    : f.number
        .int({ min: 0, max: 16 ** digits - 1 })
        .toString(16)
        .padStart(digits, "0");
const uuid = (f: Faker) =>
  `${hex(f, 8)}-${hex(f, 4)}-4${hex(f, 3)}-${"89ab".charAt(f.number.int(3))}${hex(f, 3)}-${hex(f, 12)}`;
const cents = (f: Faker) => f.number.int({ min: 100, max: 99999 }) / 100;
/** Amounts in minor units (Stripe's `amount: 2000` is 20.00): an integer fits integer and number schemas. */
const minorUnits = (f: Faker) => f.number.int({ min: 100, max: 99999 });
const streetAddress = (f: Faker) =>
  `${f.number.int({ min: 1, max: 999 })} ${pick(f, f.definitions.location.street_name, "Main Street")}`;
const postalCode = (f: Faker) => String(f.number.int({ min: 10000, max: 99999 }));
const COMPANY_SUFFIXES = ["Inc", "LLC", "Group", "and Sons", "GmbH", "Ltd"];
const company = (f: Faker) => `${lastName(f)} ${pick(f, COMPANY_SUFFIXES, "Inc")}`;
const COUNTRY_CODES = ["US", "GB", "DE", "FR", "ES", "IT", "NL", "SE", "JP", "CA", "AU", "BR"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD"];
const LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP"];
const TIME_ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"];

/** Property names (lowercase, without `_` and `-`) -> value for a string schema. */
export const STRING_VALUES: Record<string, Make> = {
  email,
  emailaddress: email,
  firstname: (f) => f.person.firstName(),
  givenname: (f) => f.person.firstName(),
  lastname: lastName,
  surname: lastName,
  familyname: lastName,
  name: fullName,
  fullname: fullName,
  displayname: fullName,
  username: (f) => `${f.person.firstName().toLowerCase()}${f.number.int({ min: 1, max: 999 })}`,
  login: (f) => `${f.person.firstName().toLowerCase()}${f.number.int({ min: 1, max: 999 })}`,
  city: (f) => pick(f, f.definitions.location.city_name, "Springfield"),
  country: (f) => f.location.country(),
  countrycode: (f) => pick(f, COUNTRY_CODES, "US"),
  street: streetAddress,
  streetaddress: streetAddress,
  address: streetAddress,
  address1: streetAddress,
  addressline1: streetAddress,
  line1: streetAddress,
  zip: postalCode,
  zipcode: postalCode,
  postalcode: postalCode,
  postcode: postalCode,
  company: company,
  companyname: company,
  organization: company,
  organisation: company,
  jobtitle: (f) => f.person.jobTitle(),
  phone: (f) => f.phone.number({ style: "international" }),
  phonenumber: (f) => f.phone.number({ style: "international" }),
  url,
  website: url,
  homepage: url,
  href: url,
  price: (f) => cents(f).toFixed(2),
  currency: (f) => pick(f, CURRENCIES, "USD"),
  locale: (f) => pick(f, LOCALES, "en-US"),
  language: (f) => pick(f, LOCALES, "en-US").slice(0, 2),
  timezone: (f) => pick(f, TIME_ZONES, "UTC"),
  createdat: timestamp,
  updatedat: timestamp,
  timestamp,
  birthdate: birthDate,
  dateofbirth: birthDate,
  dob: birthDate,
  id: uuid,
  uuid,
  guid: uuid,
};

/** Property names -> value for a number or integer schema. */
export const NUMBER_VALUES: Record<string, Make> = {
  price: cents,
  amount: minorUnits,
  total: minorUnits,
  subtotal: minorUnits,
  cost: minorUnits,
  quantity: (f) => f.number.int({ min: 1, max: 20 }),
  qty: (f) => f.number.int({ min: 1, max: 20 }),
  age: (f) => f.number.int({ min: 18, max: 90 }),
  year: (f) => f.number.int({ min: 2000, max: 2030 }),
  rating: (f) => f.number.int({ min: 1, max: 5 }),
  latitude: (f) => f.number.int({ min: -90_000_000, max: 90_000_000 }) / 1e6,
  lat: (f) => f.number.int({ min: -90_000_000, max: 90_000_000 }) / 1e6,
  longitude: (f) => f.number.int({ min: -180_000_000, max: 180_000_000 }) / 1e6,
  lng: (f) => f.number.int({ min: -180_000_000, max: 180_000_000 }) / 1e6,
  id: (f) => f.number.int({ min: 1, max: 99999 }),
};

/**
 * Names that end like an id, a timestamp, a URL or an email (`userId`, `customer_id`, `expiresAt`,
 * `avatar_url`, `billingEmail`) get the value of that word. Only a camelCase capital or a `_`/`-`
 * marks the end as a word of its own, so `paid`, `format` and `curl` stay as they are.
 */
const SUFFIXES: Array<{ pattern: RegExp; word: string }> = [
  { pattern: /(?:[a-z0-9](?:Id|ID)|[_-]id)$/, word: "id" },
  { pattern: /(?:[a-z0-9]At|[_-]at)$/, word: "createdat" },
  { pattern: /(?:[a-z0-9](?:Url|URL)|[_-]url)$/, word: "url" },
  { pattern: /(?:[a-z0-9]Email|[_-]email)$/, word: "email" },
];

/** The realistic value of a string property `name`, or undefined where the name says nothing. */
export function stringMakerFor(name: string): Make | undefined {
  return STRING_VALUES[tableKey(name)] ?? suffixMaker(name, STRING_VALUES);
}

/** The realistic value of a number or integer property `name` (ids only by suffix). */
export function numberMakerFor(name: string): Make | undefined {
  return NUMBER_VALUES[tableKey(name)] ?? suffixMaker(name, NUMBER_VALUES);
}

function tableKey(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

function suffixMaker(name: string, table: Record<string, Make>): Make | undefined {
  const suffix = SUFFIXES.find((s) => s.pattern.test(name));
  return suffix ? table[suffix.word] : undefined;
}
