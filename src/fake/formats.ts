import type { Random } from "json-schema-faker";

/**
 * Format generators given to json-schema-faker per call (its `formats` option), besides its own
 * (email, uri, uuid, hostname, ipv4, ipv6, time, json-pointer). Each is a pure function of jsf's
 * seeded Random. Formats that neither knows (custom ones) get jsf's plain string.
 */

/** Dates come from a fixed window, so no fake depends on the day it is made. */
const WINDOW_START_MS = Date.UTC(2020, 0, 1);
const WINDOW_END_MS = Date.UTC(2030, 11, 31, 23, 59, 59);
const WINDOW_SECONDS = Math.floor((WINDOW_END_MS - WINDOW_START_MS) / 1000);

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const BASE64 = `${ALPHANUMERIC}+/`;
const WORDS = [
  "alpha",
  "bravo",
  "delta",
  "echo",
  "harbor",
  "lumen",
  "maple",
  "nova",
  "orbit",
  "pixel",
  "quartz",
  "river",
  "sierra",
  "tango",
  "violet",
  "willow",
];
const URL_HOSTS = ["example.com", "example.org", "api.example.net"];
const URL_SEGMENTS = ["items", "users", "orders", "v1", "files", "reports"];

/**
 * jsf's own date-time is replaced rather than bounded with its minDateTime/maxDateTime: with those
 * set it reads the year, month and day in the process's local time zone (and always writes
 * T01:01:01), so the same seed would give other bytes in another time zone.
 */
function dateTime(random: Random): string {
  const seconds = random.int(0, WINDOW_SECONDS);
  return new Date(WINDOW_START_MS + seconds * 1000).toISOString();
}

function text(random: Random, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(random.int(0, alphabet.length - 1));
  return out;
}

function url(random: Random): string {
  const path = [random.pick(URL_SEGMENTS), String(random.int(1, 999))].join("/");
  return `https://${random.pick(URL_HOSTS)}/${path}`;
}

/** jsf's own duration can write "PT0D" or "P1YT", which RFC 3339 (and ajv) reject. */
function duration(random: Random): string {
  return random.bool() ? `P${random.int(1, 30)}D` : `PT${random.int(1, 23)}H${random.int(0, 59)}M`;
}

/**
 * Plain strings (no format, pattern or enum) get this private format when prepared (limits.ts):
 * one to three words, where jsf would draw random letters one by one, copying its 62-letter
 * alphabet into a new array for each (the slowest part of a fake). jsf pads or cuts the words to
 * the schema's minLength and maxLength.
 */
export const PLAIN_TEXT_FORMAT = "x-mockpact-text";

function words(random: Random): string {
  const count = random.int(1, 3);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
  return out.join(" ");
}

export const FORMATS: Readonly<Record<string, (random: Random) => string>> = {
  [PLAIN_TEXT_FORMAT]: words,
  "date-time": dateTime,
  date: (random) => dateTime(random).slice(0, 10),
  duration,
  url,
  // Base64 without padding: whole 4-character groups are valid base64 of 3-byte groups.
  byte: (random) => text(random, BASE64, 4 * random.int(1, 4)),
  binary: (random) => text(random, ALPHANUMERIC, random.int(8, 16)),
  password: (random) => text(random, ALPHANUMERIC, random.int(8, 16)),
  // OpenAPI numeric formats on a string (a 64-bit id sent as text): digits.
  int32: (random) => String(random.int(1, 2147483647)),
  int64: (random) => String(random.int(1, Number.MAX_SAFE_INTEGER)),
  float: (random) => (random.int(0, 100000) / 100).toFixed(2),
  double: (random) => (random.int(0, 100000) / 100).toFixed(2),
  decimal: (random) => (random.int(0, 100000) / 100).toFixed(2),
};
